// After an instant navigation to another page's section (a cross-link such as sanctions/#export-controls),
// Material can keep the previous page's scroll position; bring the linked section into view instead.
document$.subscribe(function () {
  var id = decodeURIComponent(location.hash.slice(1));
  var section = id && document.getElementById(id);
  if (section) {
    section.scrollIntoView();
  }
});
