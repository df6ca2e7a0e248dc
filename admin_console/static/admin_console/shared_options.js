// A long list written once on a log's page (every local authority, for the previous location) also
// fills the selects marked data-options-from (the property's local authority, English ones only): the
// server sends those with only their blank and chosen answers (admin_console/logs/widgets.py).
document.addEventListener("DOMContentLoaded", function () {
    "use strict";
    document.querySelectorAll("select[data-options-from]").forEach(function (select) {
        var source = document.getElementById(select.dataset.optionsFrom);
        if (!source) return;
        var prefix = select.dataset.codePrefix || "";
        var chosen = select.value;
        var fragment = document.createDocumentFragment();
        Array.prototype.forEach.call(source.options, function (option) {
            if (option.value && option.value.indexOf(prefix) === 0) {
                var copy = new Option(option.text, option.value);
                copy.selected = option.value === chosen;
                fragment.appendChild(copy);
            }
        });
        Array.prototype.slice.call(select.options).forEach(function (option) {
            if (option.value) option.remove();
        });
        select.appendChild(fragment);
        select.value = chosen;
    });
});
