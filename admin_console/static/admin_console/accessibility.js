// Unfold draws its icons with a font whose ligatures are words ("chevron_right", "search"): a
// screen reader would read each word out. Hide every icon from assistive technology, and give a
// control that only shows an icon a name (its title, or a plain word for the icon).
(function () {
    "use strict";
    var ICON = ".material-symbols-outlined, .material-symbols-rounded, .material-icons";
    var ICON_NAMES = {
        search: "Search", close: "Close", add: "Add", delete: "Delete", edit: "Change",
        arrow_back: "Go back", more_horiz: "More", more_vert: "More", filter_list: "Filters",
        visibility: "Show", visibility_off: "Hide", dark_mode: "Dark theme", light_mode: "Light theme",
        download: "Download", upload: "Upload", history: "History", logout: "Sign out",
        person: "Your account", home_work: "CORE home page", expand_more: "Show more", chevron_left: "Previous", chevron_right: "Next"
    };

    function hasText(element) {
        var copy = element.cloneNode(true);
        copy.querySelectorAll(ICON).forEach(function (icon) { icon.remove(); });
        return copy.textContent.trim() !== "";
    }

    function label(root) {
        root.querySelectorAll(ICON).forEach(function (icon) {
            if (icon.getAttribute("aria-hidden") === "true") return;
            icon.setAttribute("aria-hidden", "true");
            var control = icon.closest("a, button, [role=button], label");
            if (!control || control.hasAttribute("aria-label") || control.hasAttribute("aria-labelledby") || hasText(control)) return;
            var name = control.getAttribute("title") || ICON_NAMES[icon.textContent.trim()];
            if (name) control.setAttribute("aria-label", name);
        });
    }

    function start() {
        label(document);
        new MutationObserver(function (changes) {
            changes.forEach(function (change) {
                change.addedNodes.forEach(function (node) {
                    if (node.nodeType === 1) label(node.matches(ICON) ? node.parentNode : node);
                });
            });
        }).observe(document.body, {childList: true, subtree: true});
    }

    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
})();
