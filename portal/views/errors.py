from django.shortcuts import render


def not_found(request, exception=None):
    # Unknown municipality or somebody else's case: the default theme, no details.
    return render(request, "portal/404.html", status=404)
