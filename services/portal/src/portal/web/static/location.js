// "Use my location": fills latitude/longitude from the device (no map service needed).
(function () {
  var button = document.getElementById("use-location");
  if (!button) return;
  if (!navigator.geolocation) { button.hidden = true; return; }
  button.addEventListener("click", function () {
    navigator.geolocation.getCurrentPosition(function (pos) {
      document.getElementById("lat").value = pos.coords.latitude.toFixed(6);
      document.getElementById("lon").value = pos.coords.longitude.toFixed(6);
    }, function () { alert(button.getAttribute("data-error")); }, { enableHighAccuracy: true, timeout: 15000 });
  });
})();
