"""End-to-end: each flow of the web app in a real headless Chromium (Debian's), against a
real uvicorn server on 127.0.0.1. Skipped when /usr/bin/chromium or Playwright is absent.

Set ALLIANCES_SCREENSHOTS=docs/img to refresh the README's screenshots.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.web.servers import free_port, start_serve

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

pytestmark = pytest.mark.e2e

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``alliances serve`` on a free port with a fresh SQLite file; stopped afterwards."""
    port = free_port()
    process = start_serve(tmp_path_factory.mktemp("serve"), port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def context(browser: object, server: str) -> Iterator[object]:
    """One browser context per module, so plotly.js is fetched once; it may only reach the
    app: any other request fails the tests."""
    shared = browser.new_context(viewport=DESKTOP, accept_downloads=True)  # type: ignore[attr-defined]
    outside: list[str] = []

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith((server, "data:", "blob:")):
            route.continue_()  # type: ignore[attr-defined]
        else:
            outside.append(url)
            route.abort()  # type: ignore[attr-defined]

    shared.route("**/*", guard)
    yield shared
    shared.close()
    assert outside == [], f"requests left the app: {outside}"


@pytest.fixture
def page(context: object) -> Iterator[object]:
    """A fresh page at desktop size; JavaScript errors fail the test."""
    errors: list[str] = []
    new_page = context.new_page()  # type: ignore[attr-defined]
    new_page.on("pageerror", lambda error: errors.append(str(error)))
    yield new_page
    new_page.close()
    assert errors == [], f"JavaScript errors: {errors}"


def _shoot(page: object, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("ALLIANCES_SCREENSHOTS", str(tmp_path)))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"web-{name}.png"
    page.wait_for_timeout(400)  # type: ignore[attr-defined]
    page.screenshot(path=str(path), full_page=False)  # type: ignore[attr-defined]
    return path


def _wait_text(page: object, selector: str, text: str) -> None:
    """Wait until the element contains ``text`` (no eval: the app's CSP forbids it)."""
    sync_api.expect(page.locator(selector)).to_contain_text(text)  # type: ignore[attr-defined]


def _open(page: object, server: str, view: str) -> None:
    page.goto(f"{server}/#{view}")  # type: ignore[attr-defined]
    page.wait_for_selector(f"body[data-ready={view}]")  # type: ignore[attr-defined]


def test_map_replays_history_with_the_slider(page: object, server: str, tmp_path: Path) -> None:
    _open(page, server, "map")
    _wait_text(page, "#status", "ties")
    today = page.text_content("#status")
    slider = page.locator("#map-year")
    slider.fill("1960")
    slider.dispatch_event("input")
    _wait_text(page, "#status", "1960-12-31")
    assert page.text_content("#status") != today
    assert "ANZUS" in page.text_content("#map-events") or page.locator("#map-events li").count()
    slider.focus()
    page.keyboard.press("ArrowRight")
    _wait_text(page, "#status", "1961-12-31")
    assert page.locator("#map-plot .scatterlayer .trace").count() > 5
    hover = page.evaluate(
        """() => document.getElementById('map-plot').data
             .find((t) => t.name === 'ties').text.find((t) => t.includes('JPN–USA')) || ''"""
    )
    assert "Art. V" in hover
    assert "Source:" in hover
    slider.fill(slider.get_attribute("max"))
    slider.dispatch_event("input")
    page.wait_for_timeout(300)
    assert _shoot(page, "map", tmp_path).stat().st_size > 10_000


def test_crisis_explorer_shows_duties_reasons_and_cascade(
    page: object, server: str, tmp_path: Path
) -> None:
    _open(page, server, "crisis")
    page.select_option("#crisis-preset", "senkaku")
    page.click("#crisis-form button[type=submit]")
    page.wait_for_selector("#crisis-result:not([hidden])")
    assert "obliged to defend: USA, PHL, AUS, NZL" in page.text_content("#crisis-headline")
    table = page.text_content("#crisis-table")
    assert "US-JPN-1960, Art. V" in table
    assert "✓" in table
    assert int(page.text_content("#crisis-untriggered-count")) > 0
    step = page.locator("#crisis-step")
    step.fill("1")
    step.dispatch_event("input")
    page.wait_for_timeout(200)
    assert page.locator("#crisis-steps li.future").count() == 3
    step.fill("2")
    step.dispatch_event("input")
    page.wait_for_selector("#crisis-probabilities-table")
    odds = page.text_content("#crisis-probabilities-table")
    assert "USA" in odds
    assert "±" in odds
    page.locator("#crisis-probabilities").scroll_into_view_if_needed()
    _shoot(page, "crisis-probabilities", tmp_path)
    _shoot(page, "crisis", tmp_path)
    page.fill("#crisis-at", "Atlantis")
    page.click("#crisis-form button[type=submit]")
    _wait_text(page, "#status", "unknown place 'Atlantis'")


def test_proposal_editor_edit_compare_download_upload(
    page: object, server: str, tmp_path: Path
) -> None:
    _open(page, server, "proposal")
    sync_api.expect(page.locator("#proposal-id")).to_have_value("my-proposal")
    page.select_option("#em-treaty", "ANZUS")
    page.select_option("#em-state", "JPN")
    page.click("#edit-members button[value=add]")
    page.select_option("#ec-deployment", "usa-in-jpn")
    page.select_option("#ec-command", "shared")
    page.click("#edit-command button")
    assert page.locator("#proposal-edits li").count() == 2
    page.click("#proposal-compare")
    page.wait_for_selector("#proposal-result:not([hidden])")
    changes = page.text_content("#proposal-changes")
    assert "JPN owes" in changes or "owes JPN" in changes
    assert "national → shared command" in changes
    assert page.locator("#proposal-summary tbody tr").count() > 5
    assert page.locator("#proposal-map-new .scatterlayer .trace").count() > 3
    with page.expect_download() as download:
        page.click("#proposal-download")
    saved = Path(download.value.path())
    data = yaml.safe_load(saved.read_text())
    assert data["edits"][0] == {"add_members": {"treaty": "ANZUS", "members": ["JPN"]}}
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.locator("#proposal-result").scroll_into_view_if_needed()
    _shoot(page, "proposal", tmp_path)
    page.set_viewport_size(DESKTOP)

    bad = tmp_path / "bad.yaml"
    bad.write_text(saved.read_text().replace("ANZUS", "ANZUZ"))
    page.set_input_files("#proposal-file", str(bad))
    page.wait_for_selector("#proposal-problems:not([hidden])")
    problems = page.text_content("#proposal-problems")
    assert "upload.yaml:" in problems
    assert "did you mean 'ANZUS'?" in problems
    page.set_input_files("#proposal-file", str(saved))
    page.wait_for_selector("#proposal-problems", state="hidden")
    assert page.locator("#proposal-edits li").count() == 2
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * 300_000)
    page.set_input_files("#proposal-file", str(big))
    page.wait_for_selector("#proposal-problems:not([hidden])")
    assert "the limit is 262,144 bytes" in page.text_content("#proposal-problems")


def test_save_and_share_link_reopens_the_proposal(page: object, server: str) -> None:
    _open(page, server, "proposal")
    page.select_option("#proposal-base", "asian-nato-core")
    page.click("#proposal-start button")
    sync_api.expect(page.locator("#proposal-id")).to_have_value("asian-nato-core")
    page.click("#proposal-save")
    page.wait_for_selector("#proposal-share")
    link = page.get_attribute("#proposal-share", "href")
    assert link is not None
    assert link.startswith("/s/")
    page.goto(server + link)
    page.wait_for_selector("#proposal-result:not([hidden])")
    assert page.input_value("#proposal-id") == "asian-nato-core"
    page.goto(server + "/s/broken-link")
    assert "Scenario not found" in page.text_content("h1")


def test_alignment_predicts_coalitions(page: object, server: str, tmp_path: Path) -> None:
    _open(page, server, "align")
    page.click("#align-form button")
    page.wait_for_selector("#align-result:not([hidden])", timeout=30_000)
    coalitions = page.locator("#align-coalitions li")
    assert coalitions.count() == 2
    assert "USA" in coalitions.nth(0).text_content()
    assert "CHN" in coalitions.nth(1).text_content()
    assert "proved optimal" in page.text_content("#align-headline")
    _shoot(page, "align", tmp_path)


def test_views_fit_a_phone_and_are_keyboard_reachable(
    page: object, server: str, tmp_path: Path
) -> None:
    page.set_viewport_size(PHONE)
    _open(page, server, "crisis")
    page.select_option("#crisis-preset", "guam-strike")
    page.click("#crisis-form button[type=submit]")
    page.wait_for_selector("#crisis-result:not([hidden])")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, "the page scrolls sideways on a phone"
    _shoot(page, "crisis-phone", tmp_path)
    page.goto(f"{server}/?fresh#map")
    page.wait_for_selector("body[data-ready=map]")
    _wait_text(page, "#status", "ties")
    _shoot(page, "map-phone", tmp_path)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    labels = page.evaluate(
        """() => [...document.querySelectorAll('input, select')]
             .filter((e) => !e.closest('label') && !e.labels?.length).map((e) => e.id)"""
    )
    assert labels == [], f"form controls without a label: {labels}"


def test_api_docs_render_offline(page: object, server: str) -> None:
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator(".opblock").count() > 10
