// A log's change form keeps the tab that was open when it was saved: the tab is remembered for the
// page's address in this browser tab and opened again when the saved page comes back (the other
// tabs' error badges still say where else something needs attention).
(function () {
    "use strict";
    var KEY = "core-open-tab:" + window.location.pathname;

    function tabLinks() {
        return Array.prototype.slice.call(document.querySelectorAll("a[x-on\\:click^='activeFieldsetTab']"));
    }

    function slugOf(link) {
        var match = /activeFieldsetTab = '([^']*)'/.exec(link.getAttribute("x-on:click") || "");
        return match ? match[1] : null;
    }

    // A tab whose every question is hidden by the answers (a subsection that does not apply) is hidden
    // too, and comes back as soon as an answer opens one of its questions.
    function hideTabsThatDoNotApply(links) {
        var conditions = window.coreTabConditions || {};
        if (!window.Alpine) return;
        links.forEach(function (link) {
            var expression = conditions[slugOf(link)];
            if (!expression) return;
            window.Alpine.effect(function () {
                link.style.display = window.Alpine.evaluate(link, expression) ? "" : "none";
            });
        });
    }

    window.addEventListener("load", function () {  // by then Alpine has set the tabs up
        var links = tabLinks();
        if (!links.length) return;
        hideTabsThatDoNotApply(links);
        links.forEach(function (link) {
            link.addEventListener("click", function () { sessionStorage.setItem(KEY, slugOf(link)); });
        });
        var remembered = sessionStorage.getItem(KEY);
        if (!remembered) return;
        links.forEach(function (link) { if (slugOf(link) === remembered) link.click(); });
    });
})();
