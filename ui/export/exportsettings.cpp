#include "ui/export/exportsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QSettings>
#include <QSpinBox>

namespace te {

namespace {

QVariant widgetValue(const QWidget* widget)
{
    if (const auto* combo = qobject_cast<const QComboBox*>(widget))
        return combo->currentData();
    if (const auto* spin = qobject_cast<const QSpinBox*>(widget))
        return spin->value();
    return qobject_cast<const QCheckBox*>(widget)->isChecked();
}

void showValue(QWidget* widget, const QVariant& value)
{
    if (auto* combo = qobject_cast<QComboBox*>(widget)) {
        if (const int index = combo->findData(value); index >= 0)
            combo->setCurrentIndex(index);
    } else if (auto* spin = qobject_cast<QSpinBox*>(widget)) {
        spin->setValue(value.toInt());
    } else {
        qobject_cast<QCheckBox*>(widget)->setChecked(value.toBool());
    }
}

// What the settings store: a combo box's index, as they have since the first release.
QVariant storedValue(const QWidget* widget)
{
    if (const auto* combo = qobject_cast<const QComboBox*>(widget))
        return combo->currentIndex();
    return widgetValue(widget);
}

void restoreStored(QWidget* widget, const QVariant& stored)
{
    if (auto* combo = qobject_cast<QComboBox*>(widget)) {
        if (const int index = stored.toInt(); index >= 0 && index < combo->count())
            combo->setCurrentIndex(index);
    } else {
        showValue(widget, stored);
    }
}

} // namespace

ExportSettings::ExportSettings(std::vector<ExportSetting> rows)
    : m_rows(std::move(rows))
{ }

void ExportSettings::fill(CsvExportRequest& request) const
{
    for (const ExportSetting& row : m_rows)
        row.setField(request, widgetValue(row.widget));
}

void ExportSettings::show(const CsvExportRequest& request) const
{
    for (const ExportSetting& row : m_rows)
        showValue(row.widget, row.field(request));
}

void ExportSettings::save(QSettings& settings) const
{
    for (const ExportSetting& row : m_rows)
        settings.setValue(row.key, storedValue(row.widget));
}

void ExportSettings::restore(const QSettings& settings) const
{
    for (const ExportSetting& row : m_rows) {
        if (settings.contains(row.key))
            restoreStored(row.widget, settings.value(row.key));
    }
}

void ExportSettings::onChange(QObject* context, const std::function<void()>& changed) const
{
    for (const ExportSetting& row : m_rows) {
        if (auto* combo = qobject_cast<QComboBox*>(row.widget))
            QObject::connect(combo, &QComboBox::currentIndexChanged, context, changed);
        else if (auto* spin = qobject_cast<QSpinBox*>(row.widget))
            QObject::connect(spin, &QSpinBox::valueChanged, context, changed);
        else if (auto* check = qobject_cast<QCheckBox*>(row.widget))
            QObject::connect(check, &QCheckBox::toggled, context, changed);
    }
}

} // namespace te
