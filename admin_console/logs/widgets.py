"""Unfold's choice widgets for a log's form, drawn with each option written in the widget's own template.

The stock templates include one template per option (and two more inside it); a log's form has several
hundred options (every radio answer, the local authority lists), and those includes were most of the
time a change page took. The markup is the same."""

from unfold.widgets import UnfoldAdminRadioSelectWidget, UnfoldAdminSelectWidget


class RadioSelect(UnfoldAdminRadioSelectWidget):
    template_name = "admin_console/widgets/radio.html"


class Select(UnfoldAdminSelectWidget):
    template_name = "admin_console/widgets/select.html"
