"""What the preview injects into the page: reload script, findings overlay, PDF button.

The script listens to the server's events (Server-Sent Events). When the served page's
version differs from its own it fetches the new page and swaps its head and body in
(falling back to a reload); otherwise it shows the findings of the last build (or
removes them). All user text is inserted with textContent, never as HTML.
"""

from __future__ import annotations

from markupsafe import escape

EVENTS_URL = "/_reportgen/events"
STATE_URL = "/_reportgen/state"
PDF_URL = "/_reportgen/pdf"

_STYLE = """
#rg-bar { position: fixed; bottom: 12px; right: 12px; z-index: 2147483000; display: flex; gap: 8px;
  align-items: center; font: 13px/1.3 "Inter", "DejaVu Sans", sans-serif; color: #1d2530;
  background: rgba(255,255,255,.96); border: 1px solid #b8c2cc; border-radius: 6px;
  padding: 6px 8px 6px 10px; box-shadow: 0 2px 8px rgba(0,0,0,.18); }
#rg-bar .rg-dot { width: 9px; height: 9px; border-radius: 50%; background: #2e7d32; flex: none; }
#rg-bar[data-status="fel"] .rg-dot, #rg-bar[data-status="kontrollfel"] .rg-dot { background: #b3261e; }
#rg-bar[data-status="offline"] .rg-dot { background: #8a8f96; }
#rg-bar button, #rg-overlay button { font: inherit; cursor: pointer; border-radius: 4px;
  border: 1px solid #1f4e79; background: #1f4e79; color: #fff; padding: 4px 10px; }
#rg-bar button.rg-secondary, #rg-overlay button.rg-secondary { background: #fff; color: #1f4e79; }
#rg-bar form { margin: 0; }
#rg-bar button:disabled { opacity: .65; cursor: progress; }
#rg-overlay { position: fixed; inset: 0; z-index: 2147482000; background: rgba(29,37,48,.45);
  display: flex; align-items: flex-start; justify-content: center; padding: 48px 16px 64px;
  box-sizing: border-box; overflow: auto; }
#rg-overlay .rg-panel { background: #fff; max-width: 760px; width: 100%; border-radius: 8px;
  border-top: 6px solid #b3261e; padding: 18px 22px; box-shadow: 0 8px 30px rgba(0,0,0,.35);
  font: 14px/1.45 "Inter", "DejaVu Sans", sans-serif; color: #1d2530; text-align: left; }
#rg-overlay.rg-warnings-only .rg-panel { border-top-color: #b26a00; }
#rg-overlay h2 { margin: 0 0 6px; font-size: 18px; color: #b3261e; }
#rg-overlay.rg-warnings-only h2 { color: #7a4a00; }
#rg-overlay h3 { margin: 14px 0 4px; font-size: 14px; }
#rg-overlay p { margin: 0 0 10px; }
#rg-overlay ul { list-style: none; margin: 0; padding: 0; }
#rg-overlay li { padding: 7px 0; border-top: 1px solid #e3e7eb; }
#rg-overlay code { display: inline-block; font: 600 13px/1.3 "DejaVu Sans Mono", monospace;
  background: #eef2f6; color: #1f4e79; padding: 1px 5px; border-radius: 3px; margin-right: 6px; }
#rg-overlay .rg-field { color: #525c69; font-size: 12px; }
#rg-overlay .rg-links { display: block; margin-top: 3px; font-size: 12px; }
#rg-overlay .rg-links a { color: #1f4e79; margin-right: 12px; }
#rg-overlay .rg-panel { max-height: calc(100vh - 112px); overflow: auto; }
#rg-overlay .rg-actions { margin-top: 14px; text-align: right; }
@media print { #rg-bar, #rg-overlay { display: none !important; } }
"""

_SCRIPT = """
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="reportgen-version"]');
  var pageVersion = meta ? meta.content : "";
  var dismissed = null, last = null, bar = null, label = null, lastKey = null;

  function make(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var key in attrs) { node.setAttribute(key, attrs[key]); }
    if (text) { node.textContent = text; }
    return node;
  }
  function buildBar() {
    bar = make("div", {id: "rg-bar", role: "status", "aria-live": "polite",
                       "data-status": "startar"});
    bar.appendChild(make("span", {"class": "rg-dot", "aria-hidden": "true"}));
    label = make("span", {id: "rg-status"}, "Ansluter …");
    bar.appendChild(label);
    var list = make("button", {type: "button", id: "rg-show", "class": "rg-secondary",
                               hidden: "hidden"}, "Visa");
    list.addEventListener("click", function () { render(last, true); });
    bar.appendChild(list);
    var form = make("form", {method: "post", action: "@PDF_URL@", target: "_blank"});
    form.appendChild(make("button", {type: "submit", id: "rg-pdf",
                                     title: "Bygg PDF-filen av det som visas och öppna den"},
                          "Skapa PDF"));
    bar.appendChild(form);
    document.body.appendChild(bar);
  }
  function count(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function items(parent, findings) {
    var ul = make("ul", {});
    findings.forEach(function (f) {
      var li = make("li", {});
      // file:line:column as plain text (to copy), and a link that opens the editor there
      li.appendChild(make("code", {}, f["var"]));
      li.appendChild(document.createTextNode(f["meddelande"]));
      if (f["fält"]) { li.appendChild(make("span", {"class": "rg-field"}, " (" + f["fält"] + ")")); }
      var links = make("span", {"class": "rg-links"});
      links.appendChild(make("a", {href: f["redigera"]}, "Öppna i editorn"));
      if (f["ankare"]) {
        var show = make("a", {href: "#" + f["ankare"]}, "Visa i tabellen");
        show.addEventListener("click", function () {
          dismissed = lastKey; render(last, false);
        });
        links.appendChild(show);
      }
      li.appendChild(links);
      ul.appendChild(li);
    });
    parent.appendChild(ul);
  }
  function render(s, open) {
    if (!s) { return; }
    var errors = s["fel"], warnings = s["varningar"];
    var key = JSON.stringify([s.status, errors, warnings]);
    lastKey = key;
    bar.setAttribute("data-status", s.status);
    var text;
    if (s.status === "fel") {
      text = count(errors.length, "fel", "fel") +
             (pageVersion ? " – visar senaste fungerande versionen" : " – ingen version ännu");
    } else if (s.status === "kontrollfel") {
      text = count(errors.length, "fel", "fel") + " i kontrollen – visas som utkast";
    } else {
      text = "Uppdaterad " + s["byggd"];
      if (warnings.length) { text += " · " + count(warnings.length, "varning", "varningar"); }
    }
    if (s.pdf === "skapas") { text += " · skapar PDF …"; }
    label.textContent = text;
    var pdfButton = document.getElementById("rg-pdf");
    pdfButton.disabled = s.pdf === "skapas" || !pageVersion;
    pdfButton.textContent = s.pdf === "skapas" ? "Skapar PDF …" : "Skapa PDF";
    var old = document.getElementById("rg-overlay");
    if (old) { old.remove(); }
    var wanted = open || (errors.length > 0 && dismissed !== key);
    var show = document.getElementById("rg-show");
    show.textContent = errors.length ? "Visa fel" : "Visa varningar";
    show.hidden = wanted || !(errors.length || warnings.length);
    if (!wanted) { return; }
    var overlay = make("div", {id: "rg-overlay", role: "alertdialog", "aria-modal": "false",
                               "aria-labelledby": "rg-title"});
    if (!errors.length) { overlay.className = "rg-warnings-only"; }
    var panel = make("div", {"class": "rg-panel"});
    var title, intro;
    if (s.status === "fel") {
      title = "Rapporten kunde inte byggas";
      intro = pageVersion
        ? "Sidan bakom visar den senaste versionen som gick att bygga. " +
          "Rätta felen nedan och spara, så uppdateras sidan och rutan försvinner."
        : "Rapporten har inte gått att bygga ännu. Rätta felen nedan och spara, så visas den.";
    } else if (s.status === "kontrollfel") {
      title = "Siffrorna stämmer inte";
      intro = "Sidan bakom visar dina senaste ändringar, märkt som utkast. " +
              "Rätta felen nedan och spara, så försvinner rutan.";
    } else {
      title = "Varningar";
      intro = "Rapporten byggdes, men kontrollera följande.";
    }
    panel.appendChild(make("h2", {id: "rg-title"}, title));
    panel.appendChild(make("p", {}, intro));
    if (errors.length) {
      panel.appendChild(make("h3", {}, count(errors.length, "fel", "fel")));
      items(panel, errors);
    }
    if (warnings.length) {
      panel.appendChild(make("h3", {}, count(warnings.length, "varning", "varningar")));
      items(panel, warnings);
    }
    var actions = make("div", {"class": "rg-actions"});
    var hide = make("button", {type: "button", "class": "rg-secondary", id: "rg-hide"}, "Dölj");
    hide.addEventListener("click", function () { dismissed = key; render(last, false); });
    actions.appendChild(hide);
    panel.appendChild(actions);
    overlay.appendChild(panel);
    document.body.appendChild(overlay);
  }
  // Keep the reader's place across a swap. Sheets out of view are not laid out (see
  // content-visibility in report.css) and take a placeholder height; the new sheets get
  // the heights the old ones had, so the page has the same geometry and scrollY holds.
  var SHEETS = ".toc, main > section";
  function heights() {
    return Array.prototype.map.call(document.querySelectorAll(SHEETS), function (sheet) {
      var style = getComputedStyle(sheet);
      return sheet.getBoundingClientRect().height - parseFloat(style.paddingTop) -
             parseFloat(style.paddingBottom);
    });
  }
  function carry(body, old) {
    Array.prototype.forEach.call(body.querySelectorAll(SHEETS), function (sheet, i) {
      if (i < old.length && old[i] > 0) {
        sheet.style.containIntrinsicSize = "auto " + old[i] + "px";
      }
    });
  }
  // Swap in the new page without a navigation: quicker, no flash, scroll kept.
  // Anything unexpected falls back to a plain reload.
  var swapping = false, pending = null;
  function swap(s) {
    if (swapping) { pending = s; return; }
    swapping = true;
    fetch("/", {cache: "no-store"}).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html");
      var freshMeta = fresh.querySelector('meta[name="reportgen-version"]');
      if (!freshMeta || !fresh.body || fresh.querySelector("body script")) {
        throw new Error("unexpected page");
      }
      var x = window.scrollX, y = window.scrollY, sizes = heights();
      Array.prototype.slice.call(document.head.childNodes).forEach(function (node) {
        if (!(node.hasAttribute && node.hasAttribute("data-rg"))) { node.remove(); }
      });
      var anchor = document.head.firstChild;
      Array.prototype.slice.call(fresh.head.childNodes).forEach(function (node) {
        if (node.hasAttribute && node.hasAttribute("data-rg")) { return; }
        if (node.nodeName === "SCRIPT") { return; }
        document.head.insertBefore(document.adoptNode(node), anchor);
      });
      var body = document.adoptNode(fresh.body);
      carry(body, sizes);
      body.appendChild(bar);
      document.documentElement.replaceChild(body, document.body);
      window.scrollTo(x, y);
      pageVersion = freshMeta.content;
      meta.content = pageVersion;
      swapping = false;
      var next = pending || s;
      pending = null;
      if (next.version && next.version !== pageVersion) { swap(next); return; }
      last = next;
      render(next, false);
    }).catch(function () { location.reload(); });
  }
  function connect() {
    var events = new EventSource("@EVENTS_URL@");
    events.addEventListener("state", function (event) {
      var s = JSON.parse(event.data);
      if (s.version && s.version !== pageVersion) {
        if (!pageVersion) { events.close(); location.reload(); return; }  // placeholder page
        swap(s);
        return;
      }
      if (swapping) { pending = s; return; }
      last = s;
      render(s, false);
    });
    events.addEventListener("error", function () {
      bar.setAttribute("data-status", "offline");
      label.textContent = "Förhandsvisningen svarar inte – kör reportgen serve";
    });
  }
  function start() { buildBar(); connect(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); }
  else { start(); }
})();
""".replace("@PDF_URL@", PDF_URL).replace("@EVENTS_URL@", EVENTS_URL)


def extra_head(version: str) -> str:
    """Raw HTML for <head>: the page's version, overlay styles and the reload script."""
    return (
        f'<meta name="reportgen-version" content="{escape(version)}" data-rg>\n'
        f"<style data-rg>{_STYLE}</style>\n<script data-rg>{_SCRIPT}</script>\n"
    )


def placeholder_page(head: str) -> str:
    """Shown when no build has succeeded yet; the overlay lists why."""
    return (
        '<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n'
        "<title>Förhandsvisning – reportgen</title>\n"
        '<style>body { font-family: "DejaVu Sans", sans-serif; background: #d9dde2; '
        "margin: 0; padding: 80px 24px; color: #1d2530; text-align: center; }</style>\n"
        f"{head}</head>\n<body class=\"screen\">\n"
        "<p>Rapporten har inte gått att bygga ännu. Rätta felen och spara filen.</p>\n"
        "</body>\n</html>\n"
    )
