// On a narrow screen the menu starts folded under its «Meny» button; on a wide one it is always open (the button hidden).
(function () {
  var menu = document.querySelector('details.menu');
  if (menu && window.matchMedia('(max-width: 48rem)').matches) { menu.removeAttribute('open'); }
})();
