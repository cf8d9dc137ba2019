// Inside an embedded view. Options come from the address embed.js built: ?accent=#hex,
// ?compact=1, ?limit=N, and ?frame=<id>&origin=<host origin> for reporting the height.
// The view listens to no messages at all: nothing a host or a third page sends changes it.
(function () {
  var params = new URLSearchParams(location.search);
  var root = document.documentElement;
  var accent = params.get('accent');
  if (accent && /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(accent)) root.style.setProperty('--brand', accent);
  if (params.get('compact') === '1') root.classList.add('embed--compact');
  var limit = parseInt(params.get('limit') || '', 10);
  if (limit > 0) {
    var items = document.querySelectorAll('[data-embed-item]');
    for (var i = limit; i < items.length; i++) items[i].hidden = true;
  }
  var frame = params.get('frame');
  var origin;
  try {
    origin = new URL(params.get('origin') || '').origin;
  } catch (e) {
    return;
  }
  if (!frame || !/^[a-z0-9-]{1,40}$/.test(frame) || origin === 'null' || window.parent === window) return;
  var content = document.querySelector('[data-embed-root]');
  var last = 0;
  function report() {
    var height = Math.ceil(content.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    // targetOrigin: only the page that embedded us receives the height.
    window.parent.postMessage({ type: 'nastavnichestvo:height', frame: frame, height: height }, origin);
  }
  new ResizeObserver(report).observe(content);
  addEventListener('load', report);
})();
