"""The accessibility scan every browser test runs: axe-core (shipped inside axe-playwright-python)
over each page the test shows, failing on any violation of serious or critical impact.

Each page is scanned as soon as it has loaded, while the test goes on (so a page the test left
with errors on it, or with a tab open, is checked in that state). A test that leaves a page before
its scan ends would skip it, so when the test ends the page on screen is scanned, and every page it
reached by a GET and that was not scanned is opened again, with the same session, and scanned."""

import json

from axe_playwright_python.base import AXE_SCRIPT

# WCAG 2.0, 2.1 and 2.2 at levels A and AA, which a public-sector service must meet.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}

INJECT = "if (typeof window.axe !== 'object') {\n" + AXE_SCRIPT + "\n}"

# One run at a time per document (axe refuses a second while one is going): runs queue in the page.
# Each waits for the page's fonts: until the icon font is in, an icon's name is drawn as plain text
# ("arrow_circle_down") and judged as text, which made a scan depend on how fast the font came.
RUN = """() => {
    window.__axeRuns = (window.__axeRuns || Promise.resolve())
        .then(() => document.fonts.ready).then(() => axe.run(document, %s));
    return window.__axeRuns.then(results => results.violations);
}""" % json.dumps(OPTIONS)


class PageScanner:
    def __init__(self, page):
        self.page = page
        self.findings = {}  # (url, rule) -> description: one line per fault and page
        self.scanned = set()
        self.visited_by_get = []

    def attach(self):
        self.page.on("request", self._note_navigation)
        self.page.on("load", self._on_load)

    def _on_load(self, page):
        self.scan(page)

    def _note_navigation(self, request):
        if (request.is_navigation_request() and request.frame == self.page.main_frame
                and request.method == "GET" and request.url not in self.visited_by_get):
            self.visited_by_get.append(request.url)

    def scan(self, page):
        """Scan the document on screen; False when the page went away before the scan ended."""
        if page.is_closed() or not page.url.startswith("http"):
            return False
        url = page.url
        try:
            page.evaluate(INJECT)
            violations = page.evaluate(RUN)
        except Exception as error:
            if "context was destroyed" in str(error) or "closed" in str(error):
                return False
            raise
        self.scanned.add(url)
        for violation in violations:
            if violation["impact"] in BLOCKING_IMPACTS:
                self.findings.setdefault((url, violation["id"]), describe(url, violation))
        return True

    def finish(self):
        """Scan the page on screen, then every page reached by a GET that no scan covered."""
        self.page.remove_listener("load", self._on_load)
        self.scan(self.page)
        missed = [url for url in self.visited_by_get if url not in self.scanned]
        if missed:
            again = self.page.context.new_page()
            for url in missed:
                try:
                    response = again.goto(url)
                except Exception as error:  # a file download, not a page
                    if "Download is starting" in str(error):
                        continue
                    raise
                if response is not None and "text/html" in (response.headers.get("content-type") or ""):
                    again.wait_for_load_state("load")
                    self.scan(again)
            again.close()

    def report(self):
        return "\n".join(self.findings.values())


def describe(url, violation):
    nodes = "\n".join(f"      {', '.join(map(str, node['target']))}: {node['html'][:160]}\n        "
                      + "; ".join(check["message"] for check in node.get("any", []) + node.get("all", []))
                      for node in violation["nodes"][:8])
    more = len(violation["nodes"]) - 8
    return (f"{url}\n  {violation['id']} ({violation['impact']}): {violation['help']}\n{nodes}"
            + (f"\n      … and {more} more" if more > 0 else ""))
