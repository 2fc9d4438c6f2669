"""Admin report for editors: Angebote not checked within ANGEBOTE_PRUEFINTERVALL_MONATE."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import PageReportView

from .pruefung import veraltete_angebote


class VeralteteAngeboteView(PageReportView):
    page_title = _("Lange nicht geprüfte Angebote")
    header_icon = "time"
    index_url_name = "angebote_veraltet"
    index_results_url_name = "angebote_veraltet_results"
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    # Who may publish Angebote (the Redaktion) sees the report; Träger cannot publish.
    permission_required = "publish"
    list_export = ["title", "geprueft_am", "traeger", "status_string"]
    export_headings = {"title": _("Angebot"), "geprueft_am": _("zuletzt geprüft am"), "traeger": _("Träger")}
    columns = [
        TitleColumn("title", label=_("Angebot"), url_name="wagtailadmin_pages:edit"),
        Column("traeger", label=_("Träger")),
        DateColumn("geprueft_am", label=_("zuletzt geprüft am")),
        Column("status_string", label=_("Status")),
    ]

    def get_filename(self):
        return "angebote-ungeprueft"

    def get_queryset(self):
        return (
            veraltete_angebote()
            .filter(pk__in=self.permission_policy.instances_user_has_permission_for(self.request.user, "publish"))
            .select_related("locale")
        )

    def decorate_paginated_queryset(self, object_list):
        for angebot in object_list:
            angebot.traeger = angebot.get_parent().title
        return object_list
