// 手机宽度下的导航：点“菜单”按钮展开或收起页面顶部的导航（layout.ftlh 引用；控制台的安全策略不允许页面内联脚本）。
(function () {
  var toggle = document.getElementById('menu-toggle');
  var nav = document.getElementById('nav');
  if (!toggle || !nav) {
    return;
  }
  toggle.addEventListener('click', function () {
    var open = nav.classList.toggle('open');
    toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  });
})();
