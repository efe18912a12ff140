// After a refused submit (or a decision to confirm) the page says what is wrong at the top of the form: bring that summary into view and give it
// the focus, so a screen reader reads it and nobody has to look for it (issue 23, point 3). A page opened at an
// anchor (a field refused by a redirect) keeps its place.
document.addEventListener('DOMContentLoaded', () => {
  if (location.hash) {
    return;
  }
  const summary = document.querySelector('#error-summary, [data-error-summary], .notice.error[role="alert"], #confirmation');
  if (!summary) {
    return;
  }
  if (!summary.hasAttribute('tabindex')) {
    summary.setAttribute('tabindex', '-1');
  }
  summary.scrollIntoView({block: 'start'});
  summary.focus({preventScroll: true});
});
