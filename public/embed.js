/* «Наставничество»: вставка раздела на сайт школы.
 * <script src="https://…/embed.js" data-org="shkola-5" data-view="mentors" async></script>
 * data-view: section | mentors | practices | roadmap; data-org: the organisation's id (none: the whole section);
 * data-accent: #hex colour; data-compact: compact cards; data-limit: at most N items; data-title: the frame's title. */
(function () {
  var script = document.currentScript;
  // A snippet taken out of the page before it ran (the preview on /vstraivanie/ swaps it on every change) shows nothing.
  if (!script || !script.src || !script.parentNode) return;
  var src = new URL(script.src, location.href);
  var data = script.dataset;
  var view = /^(section|mentors|practices|roadmap)$/.test(data.view || '') ? data.view : 'section';
  var org = /^[a-z0-9]+(-[a-z0-9]+)*$/.test(data.org || '') ? data.org + '/' : '';
  var url = new URL('embed/' + view + '/' + org, src);
  if (/^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(data.accent || '')) url.searchParams.set('accent', data.accent);
  if (data.compact !== undefined && data.compact !== 'false') url.searchParams.set('compact', '1');
  if (/^[1-9][0-9]{0,2}$/.test(data.limit || '')) url.searchParams.set('limit', data.limit);
  var id = 'n' + Math.random().toString(36).slice(2, 12);
  url.searchParams.set('frame', id);
  url.searchParams.set('origin', location.origin);

  var frame = document.createElement('iframe');
  frame.src = url.href;
  frame.title = data.title || 'Наставничество';
  frame.loading = 'lazy';
  // The least the view needs: its own script (options, height), links that open in the host's
  // window when clicked, and new tabs for files. Not allow-same-origin: with scripts it would let
  // the frame lift its own sandbox (browsers warn of it); the view needs no storage or cookies.
  frame.setAttribute('sandbox', 'allow-scripts allow-top-navigation-by-user-activation allow-popups allow-popups-to-escape-sandbox');
  frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
  frame.style.cssText = 'display:block;width:100%;min-width:0;border:0;height:600px';
  script.parentNode.insertBefore(frame, script.nextSibling);

  addEventListener('message', function (event) {
    // Only the view in our own frame may set its height. Sandboxed, it has no origin of its own
    // («null»); what tells it apart is that the message comes from our frame's window.
    if (event.source !== frame.contentWindow || (event.origin !== 'null' && event.origin !== src.origin)) return;
    var message = event.data;
    if (!message || message.type !== 'nastavnichestvo:height' || message.frame !== id) return;
    var height = Math.ceil(Number(message.height));
    if (height > 0 && height < 50000) frame.style.height = height + 'px';
  });
})();
