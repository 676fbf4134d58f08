// What the usage pages' charts share: a stacked bar chart of credits per day or month, read from a
// canvas's data-chart attribute (no inline script: strict CSP). Each page passes the colour of a stack.
var UsageCharts = (function () {
    'use strict';

    function formatCredits(value) {
        return Number(value).toLocaleString(undefined, {minimumFractionDigits: 2, maximumFractionDigits: 2});
    }

    function creditTicks(value) {
        return Number(value).toLocaleString();
    }

    /** The canvas and its parsed data, or null when the page has no such chart or Chart.js is missing. */
    function read(id) {
        var canvas = document.getElementById(id);
        if (!canvas || typeof Chart === 'undefined') {
            return null;
        }
        return {canvas: canvas, data: JSON.parse(canvas.getAttribute('data-chart'))};
    }

    /** Draws the stacked credits chart of canvas {@code id}; {@code colourOf(stack)} names each stack's colour. */
    function stackedCredits(id, colourOf) {
        var chart = read(id);
        if (!chart) {
            return null;
        }
        var drawn = new Chart(chart.canvas, {
            type: 'bar',
            data: {
                labels: chart.data.labels,
                datasets: chart.data.datasets.map(function (stack) {
                    return {label: stack.label, data: stack.data, backgroundColor: colourOf(stack) || '#6c757d',
                        borderRadius: 3, maxBarThickness: 48};
                })
            },
            options: {
                responsive: true, maintainAspectRatio: false, animation: false,
                interaction: {mode: 'index', intersect: false},
                scales: {
                    x: {stacked: true, grid: {display: false}, ticks: {autoSkip: true, maxRotation: 0}},
                    y: {stacked: true, beginAtZero: true, title: {display: true, text: 'Credits'},
                        ticks: {callback: creditTicks}}
                },
                plugins: {
                    legend: {position: 'bottom', labels: {boxWidth: 12, boxHeight: 12}},
                    tooltip: {callbacks: {label: function (item) {
                        return item.dataset.label + ': ' + formatCredits(item.parsed.y) + ' credits';
                    }}}
                }
            }
        });
        chart.canvas.setAttribute('data-chart-drawn', 'true');
        return drawn;
    }

    return {formatCredits: formatCredits, creditTicks: creditTicks, read: read, stackedCredits: stackedCredits};
})();
