// Keeps each history entry's scroll offset its own under Material's instant navigation.
//
// Material remembers where the reader is by writing the scroll offset into the current history entry
// 100 ms after the last scroll (`history.replaceState`), and restores it on Back; a new entry without
// one opens at the link's section. A tap on a link to another page (or Back) within those 100 ms moves
// to the new entry first, so the write meant for the page being left lands on the entry being opened:
// the reader then lands at the old page's offset instead of the section, and the offset Back restores
// is lost. (`navigation.tracking` wrote the old page's section into the new address the same way, 250 ms
// after a scroll; mkdocs.yml leaves it off.)
//
// So, from the moment Material announces another page (`location$`) until it has swapped that page in
// (`document$`), the page on screen is being left, and its history writes are dropped. Material's own
// write at the moment of the tap, which saves the offset Back restores, comes before the announcement.
(function () {
  var replaceState = History.prototype.replaceState;
  var shown = location.pathname; // the page on screen
  var leaving = false;

  history.replaceState = function () {
    if (!leaving) {
      return replaceState.apply(this, arguments);
    }
  };
  location$.subscribe(function (url) {
    leaving = url.pathname !== shown; // a link within the page, or Back to another section of it, stays
  });
  document$.subscribe(function () {
    shown = location.pathname;
    leaving = false;
  });
})();
