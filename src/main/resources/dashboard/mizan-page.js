// The dashboard pages' own behaviour, kept out of the pages so that the Content-Security-Policy allows no inline
// script: each chart is drawn from the ECharts option its page carries as data (a <script type="application/json">
// element, which no browser executes), and a period selector marked data-submit-on-change reloads its page.
(function () {
  'use strict';

  function drawCharts() {
    document.querySelectorAll('div.chart[data-option]').forEach(function (div) {
      var data = document.getElementById(div.getAttribute('data-option'));
      if (data) {
        echarts.init(div).setOption(JSON.parse(data.textContent));
      }
    });
  }

  function submitOnChange() {
    document.querySelectorAll('select[data-submit-on-change]').forEach(function (select) {
      select.addEventListener('change', function () {
        select.form.submit();
      });
    });
  }

  function start() {
    drawCharts();
    submitOnChange();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
