// The Global Usage report: draws the stacked chart from the canvas's data-chart attribute (no
// inline script: strict CSP) and wires the "Print / Save as PDF" button.
(function () {
    'use strict';

    var COLOURS = {
        BUSINESS: '#1f4fd1',
        ENTERPRISE: '#7a3ff2',
        ELITE: '#d98a04',
        NONE: '#9aa5b8'
    };

    function formatCredits(value) {
        return Number(value).toLocaleString(undefined, {minimumFractionDigits: 2, maximumFractionDigits: 2});
    }

    function drawChart() {
        var canvas = document.getElementById('usage-chart');
        if (!canvas || typeof Chart === 'undefined') {
            return;
        }
        var data = JSON.parse(canvas.getAttribute('data-chart'));
        var chart = new Chart(canvas, {
            type: 'bar',
            data: {
                labels: data.labels,
                datasets: data.datasets.map(function (stack) {
                    return {
                        label: stack.label,
                        data: stack.data,
                        backgroundColor: COLOURS[stack.edition] || '#6c757d',
                        borderRadius: 3,
                        maxBarThickness: 48
                    };
                })
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                interaction: {mode: 'index', intersect: false},
                scales: {
                    x: {stacked: true, grid: {display: false}, ticks: {autoSkip: true, maxRotation: 0}},
                    y: {stacked: true, beginAtZero: true, title: {display: true, text: 'Credits'},
                        ticks: {callback: function (value) { return Number(value).toLocaleString(); }}}
                },
                plugins: {
                    legend: {position: 'bottom', labels: {boxWidth: 12, boxHeight: 12}},
                    tooltip: {
                        callbacks: {
                            label: function (item) {
                                return item.dataset.label + ': ' + formatCredits(item.parsed.y) + ' credits';
                            }
                        }
                    }
                }
            }
        });
        canvas.setAttribute('data-chart-drawn', 'true');
        // A printed page is narrower than the screen: redraw to the paper's width, then back.
        window.addEventListener('beforeprint', function () { chart.resize(); });
        window.addEventListener('afterprint', function () { chart.resize(); });
    }

    document.addEventListener('DOMContentLoaded', drawChart);

    document.addEventListener('click', function (event) {
        if (event.target.closest('[data-print]')) {
            window.print();
        }
    });
})();
