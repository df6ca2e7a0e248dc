"""Inline tables whose inputs are named for screen readers: a table's column heading is not a label,
so each input carries its field's label (aria-label)."""

from unfold.admin import TabularInline


class LabelledTabularInline(TabularInline):
    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        for name, field in formset.form.base_fields.items():
            field.widget.attrs.setdefault("aria-label", str(field.label or name.replace("_", " ")).capitalize())
        return formset
