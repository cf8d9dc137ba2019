(function () {
  var d = document.documentElement;
  d.classList.add('js');
  try {
    var s = JSON.parse(localStorage.getItem('nastavnichestvo:lv') || 'null');
    if (s && s.on) {
      d.dataset.lv = 'on';
      d.dataset.lvScheme = s.scheme || 'bw';
      d.dataset.lvSize = String(s.size || 1);
      d.dataset.lvImages = s.images === false ? 'off' : 'on';
    }
  } catch (e) {}
})();
