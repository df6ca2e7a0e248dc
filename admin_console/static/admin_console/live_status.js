// A page showing a job that is still running (an element with data-live-status, e.g. a bulk upload's
// outcome) follows it by itself: every few seconds it asks for the page again and shows the new
// progress; once the job has finished, it loads the finished page (with its report and buttons).
(function () {
    "use strict";
    var EVERY_MS = 2000;

    function follow(element) {
        setTimeout(function () {
            fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
                .then(function (response) { return response.ok ? response.text() : null; })
                .then(function (html) {
                    if (html === null) return follow(element);
                    var page = new DOMParser().parseFromString(html, "text/html");
                    var fresh = page.getElementById(element.id);
                    if (!fresh || !fresh.hasAttribute("data-live-status")) {
                        window.location.reload();
                        return;
                    }
                    if (fresh.innerHTML !== element.innerHTML) element.innerHTML = fresh.innerHTML;  // read out once
                    follow(element);
                })
                .catch(function () { follow(element); });
        }, EVERY_MS);
    }

    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("[data-live-status][id]").forEach(follow);
    });
})();
