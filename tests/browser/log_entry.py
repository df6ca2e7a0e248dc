"""Answering a log's questions in the admin change form, the way a person does."""

from playwright.sync_api import Page, expect


def open_tab(page: Page, label: str) -> None:
    page.locator("form nav a").filter(has_text=label).first.click()


def answer(page: Page, name: str, value) -> None:
    """Answer one question by its field name: radio, checkbox, select, or typed."""
    radios = page.locator(f"input[type=radio][name='{name}']")
    if radios.count():
        choice = page.locator(f"input[type=radio][name='{name}'][value='{value}']")
        expect(choice).to_be_visible()
        choice.check()
        return
    checkbox = page.locator(f"input[type=checkbox][name='{name}']")
    if checkbox.count():
        expect(checkbox).to_be_visible()
        checkbox.check() if value else checkbox.uncheck()
        return
    select = page.locator(f"select[name='{name}']")
    if select.count():
        expect(select).to_be_visible()
        select.select_option(str(value))
        return
    box = page.locator(f"input[name='{name}']")
    expect(box).to_be_visible()
    box.fill(str(value))


def answer_tab(page: Page, tab: str, answers: dict) -> None:
    open_tab(page, tab)
    for name, value in answers.items():
        answer(page, name, value)


def save_and_continue(page: Page) -> None:
    page.locator("button[name=_continue]").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".errornote, .errorlist")).to_have_count(0)


def select_containing(page: Page, name: str, text: str) -> None:
    """Choose the option of a drop-down whose label contains the text."""
    select = page.locator(f"select[name='{name}']")
    expect(select).to_be_visible()
    value = select.locator("option", has_text=text).first.get_attribute("value")
    select.select_option(value)
