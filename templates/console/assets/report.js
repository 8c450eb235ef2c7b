// 年报页面的脚本：表三、表四的“总计”（灰底、只读）在填写各项时立即重新相加。
// 由 report.ftlh 以 <script src="/assets/report.js"> 引用（控制台的安全策略不允许页面内联脚本）。
// 总计不随表单提交，保存时由服务器按各项重新计算；这里只是让填写的人随时看到结果。
(function () {
  var form = document.getElementById('facts-form');
  if (!form) { return; }
  var totals = form.querySelectorAll('input[data-sum]');
  function value(name) {
    var cell = form.querySelector('input[data-cell="' + name + '"]');
    var text = cell ? cell.value.trim() : '';
    return /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  }
  function recompute() {
    // 按页面顺序计算：（七）总计行的各列在本行“总计”列之前，所以一次就能算完。
    for (var i = 0; i < totals.length; i++) {
      var parts = totals[i].getAttribute('data-sum').split(' ');
      var sum = 0;
      for (var j = 0; j < parts.length; j++) { sum += value(parts[j]); }
      totals[i].value = isNaN(sum) ? '' : String(Math.round(sum * 10000) / 10000);
    }
  }
  form.addEventListener('input', recompute);
  recompute();
})();
