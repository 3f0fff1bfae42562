// Shows the street and place from the BAG while the citizen types; the server checks again on submit.
(function () {
  const out = document.getElementById("adres-resultaat");
  if (!out || !window.fetch) return;
  const ids = ["id_postcode", "id_huisnummer", "id_huisletter", "id_huisnummertoevoeging"];
  const lookup = async () => {
    const [postcode, huisnummer, huisletter, huisnummertoevoeging] = ids.map((id) => document.getElementById(id).value.trim());
    if (!postcode || !huisnummer) return;
    const body = new URLSearchParams({ postcode, huisnummer, huisletter, huisnummertoevoeging });
    const token = document.querySelector("input[name=csrfmiddlewaretoken]").value;
    // POST: the address stays out of URLs and access logs.
    const response = await fetch(out.dataset.lookupUrl, {
      method: "POST", body, headers: { Accept: "application/json", "X-CSRFToken": token },
    });
    const data = await response.json();
    if (data.fout) out.textContent = data.fout;
    else if (data.adressen.length === 1) out.textContent = "Gevonden: " + data.adressen[0].regel;
    else if (data.adressen.length > 1) out.textContent = "Meerdere adressen gevonden: vul de huisletter of toevoeging in.";
    else out.textContent = "Dit adres staat niet in de BAG. Controleer postcode en huisnummer.";
  };
  ids.forEach((id) => document.getElementById(id).addEventListener("change", lookup));
})();
