"""A keyboard-only user: Tab, Shift+Tab, Space, Enter (and the arrow keys a radio group needs to move
between its options). Every focus move is checked: it follows the document's order, it lands on something
visible, and the focused element looks different from when it is not focused."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import wait_for

# Describes the focused element and compares it with the one focused before the last key press, which the
# page keeps in window.__lastFocus: one round trip for each Tab.
FOCUS_JS = """
const style = (e) => { const s = getComputedStyle(e);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.color,
          s.borderTopColor, s.textDecorationLine].join(' | '); };
const describe = (e) => {
  if (!e || e === document.body || e === document.documentElement) return null;
  const r = e.getBoundingClientRect();
  return {tag: e.tagName.toLowerCase(), text: (e.innerText || e.value || '').trim().slice(0, 80),
    role: e.getAttribute('role') || (e.tagName === 'BUTTON' ? 'button' : e.tagName === 'A' ? 'link' : null),
    type: e.type || null, value: e.value || null, id: e.id || null, href: e.getAttribute('href'),
    tabindex: e.getAttribute('tabindex'), visible: r.width > 0 && r.height > 0 && e.getClientRects().length > 0,
    top: r.top + window.scrollY, skip: e.classList.contains('skip-link'), html: e.outerHTML.slice(0, 160)};
};
const e = document.activeElement;
const last = window.__lastFocus || null;
const result = {info: describe(e), before: null, follows: null, unfocusedStyle: null, focusedStyle: null,
  positive: [...document.querySelectorAll('[tabindex]')].filter((x) => x.tabIndex > 0).map((x) => x.outerHTML.slice(0, 120))};
if (last && last.element.isConnected) {
  result.before = last.info;
  result.focusedStyle = last.style;
  if (e && e !== document.body) result.follows = !!(last.element.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (last.element !== e) result.unfocusedStyle = style(last.element);
}
window.__lastFocus = e && e !== document.body ? {element: e, info: result.info, style: style(e)} : null;
return result;
"""


class Keyboard:
    def __init__(self, driver):
        self.driver = driver
        self.stops = []  # every element focus stopped on

    def press(self, key, shift=False):
        chain = ActionChains(self.driver)
        if shift:
            chain.key_down(Keys.SHIFT).send_keys(key).key_up(Keys.SHIFT)
        else:
            chain.send_keys(key)
        chain.perform()

    def active(self):
        """The focused element, described (and remembered by the page for the next Tab)."""
        return self.driver.execute_script(FOCUS_JS)["info"]

    def tab(self, shift=False):
        """Moves focus and checks the move: forward in document order (back for Shift+Tab) and not against
        the reading order, onto a visible element, no positive tabindex, and the element that lost focus
        looked different while it had it."""
        self.driver.execute_script(FOCUS_JS)  # remember what has focus now, and how it looks
        self.press(Keys.TAB, shift)
        move = self.driver.execute_script(FOCUS_JS)
        info, before = move["info"], move["before"]
        name = "Shift+Tab" if shift else "Tab"
        assert info is not None, f"{name} from {before and before['html']} left focus nowhere"
        assert info["visible"], f"focus moved to something not visible: {info['html']}"
        assert not move["positive"], f"a positive tabindex takes elements out of the page's order: {move['positive']}"
        if before is not None:
            assert move["follows"] != shift, \
                f"{name} moved focus against the page order: from {before['html']} to {info['html']}"
            if before["visible"] and not before["skip"]:
                up = before["top"] - info["top"] if not shift else info["top"] - before["top"]
                assert up <= 5, f"{name} moved focus {'up' if not shift else 'down'} the page, against the " \
                                f"reading order: from {before['html']} to {info['html']}"
            if before["tabindex"] != "-1" and move["unfocusedStyle"] is not None:
                assert move["focusedStyle"] != move["unfocusedStyle"], \
                    f"focus is not visible on {before['html']}: it looks the same focused and not " \
                    f"({move['unfocusedStyle']})"
        self.stops.append(info)
        return info

    def tab_to(self, predicate, what, limit=60, shift=False):
        """Tabs until predicate(active info) holds, and returns its info."""
        for _ in range(limit):
            info = self.tab(shift)
            if predicate(info):
                return info
        raise AssertionError(f"could not reach {what} with {'Shift+' if shift else ''}Tab")

    def activate(self, info):
        """What a user presses on the focused element: Space for anything announced as a button (a <button>
        or role=button), Enter for a link."""
        self.press(Keys.SPACE if info["role"] == "button" else Keys.ENTER)

    def wait_heading_focused(self, old_heading, error=False, timeout=10):
        """After an action that changes the page: focus is on the new page's h1 (or its error summary). A
        new page is a new h1 element (each page draws its own), so two questions with the same words still
        count as two pages: the h1 seen last is marked, and the new one must not have the mark."""
        want = ".error-summary" if error else "h1"
        def moved(d):
            return d.execute_script(
                "const a = document.activeElement, h = document.querySelector('h1');"
                "return !!a && a.matches(arguments[0]) && (arguments[1] || (!!h && !h.hasAttribute('data-seen-by-test')))",
                want, error)
        wait_for(self.driver, moved, timeout=timeout, message=f"focus to move to the new page's {want} after '{old_heading}' "
                 f"(it is on {self.driver.execute_script('return document.activeElement.outerHTML.slice(0, 120)')})")
        return self.driver.execute_script(
            "const h = document.querySelector('h1'); h.setAttribute('data-seen-by-test', ''); return h.textContent.trim()")
