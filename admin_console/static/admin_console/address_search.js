// Address search on a log's form (admin_console/logs/address_search.py).
//
// Beside the UPRN field: a box for a postcode, an address or a UPRN, and the addresses found. Choosing
// one fills the UPRN and the address fields. A postcode (chosen or typed) is looked up for its local
// authority, which is then set and its question hidden, as the server will do on save. When a service
// is off or not answering, a short message says so and the fields are typed as before.
(function () {
  "use strict";

  const ADDRESS_FIELDS = ["address_line1", "address_line2", "town_or_city", "county", "postcode_full"];

  function field(form, name) {
    return form.querySelector(`[name="${name}"]`);
  }

  function setValue(input, value) {
    if (!input) return;
    input.value = value;
    // Alpine (unfold's conditional fields) listens for these to keep its copy of the answers.
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function row(input) {
    return input && (input.closest("[x-show]") || input.closest(".form-row") || input.parentElement);
  }

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (text) node.textContent = text;
    return node;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
    if (!response.ok) throw new Error(`status ${response.status}`);
    return response.json();
  }

  function localAuthority(form, postcodeUrl) {
    const select = field(form, "la");
    const postcode = field(form, "postcode_full");
    if (!select || !postcode || !postcodeUrl) return null;
    const note = element("p", { id: "core-la-note", class: "text-sm mt-2", role: "status" });
    postcode.insertAdjacentElement("afterend", note);
    let hidden = false;

    function ask(value) {
      if (!value.trim()) return Promise.resolve();
      note.textContent = "Looking up the local authority…";
      return getJSON(`${postcodeUrl}?postcode=${encodeURIComponent(value)}`)
        .then((answer) => {
          if (answer.la) {
            setValue(select, answer.la);
            window.coreConditions = Object.assign(window.coreConditions || {}, { is_la_inferred: true });
            row(select).style.display = "none";
            hidden = true;
            note.textContent = `Local authority: ${answer.la_name} (worked out from the postcode)`;
          } else {
            show(answer.message);
          }
        })
        .catch(() => show("The local authority could not be worked out from the postcode. Choose it from the list."));
    }

    function show(message) {
      window.coreConditions = Object.assign(window.coreConditions || {}, { is_la_inferred: false });
      if (hidden) row(select).style.display = "";
      hidden = false;
      note.textContent = message || "";
    }

    postcode.addEventListener("change", () => ask(postcode.value));
    return ask;
  }

  function addressSearch(form, uprn, searchUrl, lookUpPostcode) {
    const box = element("div", { id: "core-address-search", class: "mt-3 flex flex-col gap-2" });
    const label = element("label", { for: "core-address-query", class: "font-semibold text-sm" },
      "Find the address: type a postcode, an address or a UPRN");
    const line = element("div", { class: "flex gap-2" });
    const query = element("input", { id: "core-address-query", type: "search", autocomplete: "off",
      class: "border rounded-default px-3 py-2 grow bg-white dark:bg-base-900" });
    const button = element("button", { type: "button", id: "core-address-find",
      class: "border rounded-default px-3 py-2 font-medium" }, "Search");
    const message = element("p", { id: "core-address-message", class: "text-sm", role: "status" });
    const results = element("ul", { id: "core-address-results", class: "flex flex-col gap-1" });
    line.append(query, button);
    box.append(label, line, message, results);
    uprn.insertAdjacentElement("afterend", box);

    function choose(address) {
      setValue(uprn, address.uprn);
      const values = { address_line1: address.address_line1, address_line2: address.address_line2,
        town_or_city: address.town_or_city, county: "", postcode_full: address.postcode };
      ADDRESS_FIELDS.forEach((name) => setValue(field(form, name), values[name]));
      results.replaceChildren();
      message.textContent = `Chosen: ${address.text}`;
      if (lookUpPostcode) lookUpPostcode(address.postcode);
    }

    function search() {
      const text = query.value.trim();
      if (!text) return;
      message.textContent = "Searching…";
      results.replaceChildren();
      getJSON(`${searchUrl}?q=${encodeURIComponent(text)}`)
        .then((answer) => {
          message.textContent = answer.message || `${answer.results.length} found. Choose the address.`;
          answer.results.forEach((address) => {
            const option = element("button", { type: "button", "data-uprn": address.uprn,
              class: "text-left underline" }, `${address.text} (${address.uprn})`);
            option.addEventListener("click", () => choose(address));
            const item = element("li");
            item.append(option);
            results.append(item);
          });
        })
        .catch(() => { message.textContent = "Address search is not answering just now. Enter the address below."; });
    }

    button.addEventListener("click", search);
    query.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault(); // not the form's submit
        search();
      }
    });
  }

  function start() {
    const uprn = document.querySelector("input[data-address-search], input[data-postcode-area]");
    if (!uprn) return;
    const form = uprn.form;
    const lookUpPostcode = localAuthority(form, uprn.dataset.postcodeArea);
    if (uprn.dataset.addressSearch) addressSearch(form, uprn, uprn.dataset.addressSearch, lookUpPostcode);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
