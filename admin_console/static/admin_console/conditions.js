// The tests a log form's show/hide conditions are written with (admin_console/logs/layout.py turns each
// catalogue condition into a short Alpine.js expression calling these). An answer is blank when it is
// missing or an unticked box; a ticked box counts as 1, as the server stores it. Values the page does not
// ask come from what the server worked out on the last save (window.coreConditions).
window.core = (function () {
    "use strict";
    function blank(v) { return v === null || v === "" || v === undefined || v === false; }
    function text(v) { return String(v === true ? 1 : v); }
    var compare = {
        ">": function (a, b) { return a > b; }, ">=": function (a, b) { return a >= b; },
        "<": function (a, b) { return a < b; }, "<=": function (a, b) { return a <= b; },
    };
    return {
        blank: blank,
        saved: function (key) { return (window.coreConditions || {})[key]; },
        gate: function () { return (window.coreConditions || {}).__gate__; },
        is: function (v, code) { return !blank(v) && text(v) === String(code); },
        isnt: function (v, code) { return blank(v) || text(v) !== String(code); },
        among: function (v, codes) { return !blank(v) && codes.map(String).indexOf(text(v)) >= 0; },
        outside: function (v, codes) { return blank(v) || codes.map(String).indexOf(text(v)) < 0; },
        flag: function (v, wanted) { return String(v) === String(wanted) || text(v) === (wanted ? "1" : "0"); },
        cmp: function (v, op, n) { return !blank(v) && compare[op](Number(v), n); },
    };
})();
