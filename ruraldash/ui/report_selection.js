// The report's text for a curator to select words in; sends the words and their offsets.
//
// Every piece of the report is set as textContent: a report is untrusted text, never HTML.
// Each paragraph carries its offset in the report, so a selection's ends are read back as
// offsets in the report (the marks split a paragraph into several text nodes).

const SETTLE_MS = 250; // wait this long after the last change of a keyboard selection
const cleanups = new WeakMap(); // parentElement -> removes the listeners of the last render

function paragraph(node) {
  let at = node;
  while (at && !(at.dataset && at.dataset.start !== undefined)) at = at.parentNode;
  return at;
}

function offsetOf(root, node, offset, length) {
  if (node === root) {
    const next = root.children[offset];
    return next ? Number(next.dataset.start) : length;
  }
  const block = paragraph(node);
  if (!block) return null;
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(node, offset);
  return Number(block.dataset.start) + before.toString().length;
}

function pointAt(root, offset) {
  for (const block of root.children) {
    let seen = Number(block.dataset.start);
    if (offset < seen || offset > seen + block.textContent.length) continue;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      if (offset <= seen + node.data.length) return [node, offset - seen];
      seen += node.data.length;
    }
  }
  return null;
}

// Select the words chosen before this render again, so the keyboard can extend them.
function reselect(root, chosen) {
  const start = chosen && pointAt(root, chosen[0]);
  const end = chosen && pointAt(root, chosen[1]);
  if (!start || !end) return;
  const range = document.createRange();
  range.setStart(...start);
  range.setEnd(...end);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

function selected(root, length) {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const inside = root.contains(range.startContainer);
  const start = inside ? offsetOf(root, range.startContainer, range.startOffset, length) : 0;
  const ends = root.contains(range.endContainer);
  const end = ends ? offsetOf(root, range.endContainer, range.endOffset, length) : length;
  if (start === null || end === null || end <= start) return null;
  const words = document.createRange();
  words.setStart(inside ? range.startContainer : root, inside ? range.startOffset : 0);
  words.setEnd(ends ? range.endContainer : root, ends ? range.endOffset : root.childNodes.length);
  return { start, end, text: words.toString() };
}

function render(root, paragraphs) {
  const blocks = paragraphs.map(({ start, pieces }) => {
    const block = document.createElement("p");
    block.dataset.start = String(start);
    for (const [words, kind] of pieces) {
      if (!kind) {
        block.appendChild(document.createTextNode(words));
        continue;
      }
      const mark = document.createElement("mark");
      mark.className = `rd-${kind}`;
      mark.textContent = words;
      block.appendChild(mark);
    }
    return block;
  });
  root.replaceChildren(...blocks);
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  cleanups.get(parentElement)?.();
  let root = parentElement.querySelector(".rd-report");
  if (!root) {
    root = document.createElement("div");
    root.className = "rd-report";
    root.tabIndex = 0;
    root.setAttribute("role", "document");
    parentElement.appendChild(root);
  }
  root.setAttribute("aria-label", data.label);
  render(root, data.paragraphs);
  reselect(root, data.chosen);

  let dragging = false;
  let timer = null;
  let sent = data.chosen ? data.chosen.join(":") : "";
  const send = () => {
    const found = selected(root, data.length);
    if (!found) return;
    const sign = `${found.start}:${found.end}`;
    if (sign === sent) return;
    sent = sign;
    setTriggerValue("selection", found);
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(send, SETTLE_MS);
  };
  const down = () => {
    dragging = true;
  };
  const up = () => {
    if (!dragging) return;
    dragging = false;
    clearTimeout(timer);
    send();
  };
  const changed = () => {
    if (!dragging) later();
  };
  root.addEventListener("pointerdown", down);
  document.addEventListener("pointerup", up);
  document.addEventListener("selectionchange", changed);
  const cleanup = () => {
    clearTimeout(timer);
    root.removeEventListener("pointerdown", down);
    document.removeEventListener("pointerup", up);
    document.removeEventListener("selectionchange", changed);
    cleanups.delete(parentElement);
  };
  cleanups.set(parentElement, cleanup);
  return cleanup;
}
