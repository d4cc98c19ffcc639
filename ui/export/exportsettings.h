#pragma once

#include "export/csvexport.h"

#include <QVariant>
#include <functional>
#include <type_traits>
#include <utility>
#include <vector>

class QObject;
class QSettings;
class QWidget;

namespace te {

/// A request field's value as the export dialog's widgets carry it: enums as
/// their int, a character as a one-character string, numbers and flags as they are.
template <typename T> QVariant exportValue(const T& value)
{
    if constexpr (std::is_enum_v<T>)
        return static_cast<int>(value);
    else if constexpr (std::is_same_v<T, QChar>)
        return QString(value);
    else
        return QVariant::fromValue(value);
}

template <typename T> T fromExportValue(const QVariant& value)
{
    if constexpr (std::is_enum_v<T>)
        return static_cast<T>(value.toInt());
    else if constexpr (std::is_same_v<T, QChar>)
        return value.toString().isEmpty() ? QChar() : value.toString().front();
    else
        return value.value<T>();
}

/// One choice of the export dialog that reaches the request and is remembered:
/// its key in the settings group "export", its widget, and the request's field.
///
/// The widget is a QComboBox whose items carry the field's values as their data
/// (see exportValue), a QSpinBox or a QCheckBox.
struct ExportSetting
{
    QString key;
    QWidget* widget = nullptr;
    std::function<QVariant(const CsvExportRequest&)> field;
    std::function<void(CsvExportRequest&, const QVariant&)> setField;
};

/// The row binding `key` and `widget` to the field `access` names: `access` takes
/// a request, const or not, and returns a reference to the field.
template <typename Access> ExportSetting exportSettingOf(QString key, QWidget* widget, Access access)
{
    using Field = std::remove_cvref_t<decltype(access(std::declval<CsvExportRequest&>()))>;
    return { std::move(key), widget,
        [access](const CsvExportRequest& request) { return exportValue(access(request)); },
        [access](CsvExportRequest& request, const QVariant& value) {
            access(request) = fromExportValue<Field>(value);
        } };
}

/// The row for a field of the request itself.
template <typename T> ExportSetting exportSetting(QString key, QWidget* widget, T CsvExportRequest::*field)
{
    return exportSettingOf(
        std::move(key), widget, [field](auto& request) -> auto& { return request.*field; });
}

/// The row for a field of the request's format.
template <typename T> ExportSetting exportSetting(QString key, QWidget* widget, T CsvFormat::*field)
{
    return exportSettingOf(
        std::move(key), widget, [field](auto& request) -> auto& { return request.format.*field; });
}

/// The export dialog's table of settings: adding a setting is adding one row.
///
/// The settings keep what they always kept, a combo box's index, a spin box's
/// value, a check box's state, so that settings saved by earlier versions load.
class ExportSettings
{
public:
    ExportSettings() = default;
    explicit ExportSettings(std::vector<ExportSetting> rows);

    /// The request's fields from the widgets.
    void fill(CsvExportRequest& request) const;
    /// The widgets from `request`'s fields; a default request gives the defaults.
    void show(const CsvExportRequest& request) const;
    void save(QSettings& settings) const;
    /// The widgets from `settings`; one whose key is not stored, or is out of
    /// range, keeps what it shows.
    void restore(const QSettings& settings) const;
    /// Calls `changed` (in `context`) whenever one of the widgets changes.
    void onChange(QObject* context, const std::function<void()>& changed) const;

private:
    std::vector<ExportSetting> m_rows;
};

} // namespace te
