// A customer's usage page: the chart stacked by workload, and the quota burn-down with its forecast.
(function () {
    'use strict';

    // Keep in step with the .workload-* dots in customer-usage.css.
    var COLOURS = {
        VMWARE: '#1f4fd1',
        FILE_SERVERS: '#4f7cf0',
        NAS: '#0f9b8e',
        MS_SQL: '#7a3ff2',
        ORACLE: '#c2410c',
        MICROSOFT_365: '#d98a04',
        GOOGLE_WORKSPACE: '#2e9d5b',
        ENDPOINTS: '#9aa5b8'
    };

    function drawWorkloads() {
        UsageCharts.stackedCredits('workload-chart', function (stack) { return COLOURS[stack.workload]; });
    }

    // Draws a vertical line, labelled, on the day the quota runs (or ran) out.
    var zeroLine = {
        id: 'zeroLine',
        afterDatasetsDraw: function (chart, args, options) {
            if (options.index < 0) {
                return;
            }
            var x = chart.scales.x.getPixelForValue(options.index);
            var area = chart.chartArea;
            var context = chart.ctx;
            context.save();
            context.strokeStyle = '#c92a2a';
            context.lineWidth = 1.5;
            context.setLineDash([4, 4]);
            context.beginPath();
            context.moveTo(x, area.top);
            context.lineTo(x, area.bottom);
            context.stroke();
            context.setLineDash([]);
            context.fillStyle = '#c92a2a';
            context.font = '600 12px system-ui, sans-serif';
            context.textAlign = x > area.right - 90 ? 'right' : 'left';
            context.fillText(options.label, x + (context.textAlign === 'right' ? -6 : 6), area.top + 12);
            context.restore();
        }
    };

    function drawBurnDown() {
        var chart = UsageCharts.read('burn-down-chart');
        if (!chart) {
            return;
        }
        var data = chart.data;
        // Below zero only when the quota is overspent; a forecast merely reaching past zero stays out.
        var floor = Math.min.apply(null, [0].concat(data.remaining.filter(function (value) { return value !== null; })));
        var narrow = chart.canvas.parentNode.clientWidth < 576;
        new Chart(chart.canvas, {
            type: 'line',
            data: {
                labels: data.labels,
                datasets: [
                    {label: 'Credits left', data: data.remaining, borderColor: '#1f4fd1',
                        backgroundColor: 'rgba(31, 79, 209, .10)', fill: 'origin', pointRadius: 0, borderWidth: 2,
                        tension: 0},
                    {label: 'Forecast at the recent rate', data: data.forecast, borderColor: '#e8590c',
                        borderDash: [6, 4], pointRadius: 0, borderWidth: 2, fill: false, tension: 0}
                ]
            },
            options: {
                responsive: true, maintainAspectRatio: false, animation: false, spanGaps: false,
                // Dates are long: a phone has room for three of them under the chart.
                onResize: function (resized, size) {
                    resized.options.scales.x.ticks.maxTicksLimit = size.width < 500 ? 3 : 8;
                },
                interaction: {mode: 'index', intersect: false},
                scales: {
                    x: {grid: {display: false}, ticks: {autoSkip: true, maxTicksLimit: narrow ? 3 : 8, maxRotation: 0}},
                    y: {min: floor, suggestedMax: data.quota, title: {display: true, text: 'Credits left'},
                        grid: {color: function (context) {
                            return context.tick.value === 0 ? '#c92a2a' : 'rgba(0, 0, 0, .08)';
                        }},
                        ticks: {callback: UsageCharts.creditTicks}}
                },
                plugins: {
                    legend: {position: 'bottom', labels: {boxWidth: 12, boxHeight: 12}},
                    zeroLine: {index: data.zeroAt, label: data.zeroLabel},
                    tooltip: {filter: function (item) { return item.parsed.y !== null; },
                        callbacks: {label: function (item) {
                            return item.dataset.label + ': ' + UsageCharts.formatCredits(item.parsed.y);
                        }}}
                }
            },
            plugins: [zeroLine]
        });
        chart.canvas.setAttribute('data-chart-drawn', 'true');
    }

    document.addEventListener('DOMContentLoaded', function () {
        drawWorkloads();
        drawBurnDown();
    });
})();
