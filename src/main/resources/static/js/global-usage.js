// The Global Usage report: the chart stacked by edition, and the "Print / Save as PDF" button.
(function () {
    'use strict';

    var COLOURS = {
        BUSINESS: '#1f4fd1',
        ENTERPRISE: '#7a3ff2',
        ELITE: '#d98a04',
        NONE: '#9aa5b8'
    };

    function drawChart() {
        var chart = UsageCharts.stackedCredits('usage-chart', function (stack) { return COLOURS[stack.edition]; });
        if (chart) {
            // A printed page is narrower than the screen: redraw to the paper's width, then back.
            window.addEventListener('beforeprint', function () { chart.resize(); });
            window.addEventListener('afterprint', function () { chart.resize(); });
        }
    }

    document.addEventListener('DOMContentLoaded', drawChart);

    document.addEventListener('click', function (event) {
        if (event.target.closest('[data-print]')) {
            window.print();
        }
    });
})();
