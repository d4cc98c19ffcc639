#pragma once

#include "query/runcolumn.h"

#include <QObject>
#include <memory>
#include <vector>

class QComboBox;
class QFormLayout;
class QListWidget;
class QWidget;

namespace te {

class TimingDataset;

/// The columns of a per-run export: a preset to start from, the list in the
/// order written (drag, Up and Down reorder it), Add… from the dataset's columns,
/// Remove, and Save as Preset…, whose presets the settings keep under
/// "export/userPresets". Its widgets go into the dialog's form (addRows).
class ExportColumnsEditor final : public QObject
{
    Q_OBJECT
public:
    /// The widgets are children of `parent`.
    ExportColumnsEditor(std::shared_ptr<const TimingDataset> data, QWidget* parent);

    /// Adds the "Preset:", "Columns:" and button rows to `form`.
    void addRows(QFormLayout* form);

    std::vector<RunColumn> columns() const;
    /// The columns as the settings store them (RunColumn::id).
    QStringList columnIds() const;
    void setColumnIds(const QStringList& ids);
    /// Shows the columns of preset `name`: "summary", "phases", "all" or "user:<name>".
    void applyPreset(const QString& name);
    void setPresetEnabled(bool enabled);

signals:
    /// The columns or their order changed.
    void changed();

private:
    void setColumns(const std::vector<RunColumn>& columns);
    void addColumn(const RunColumn& column);
    void showAddMenu();
    void removeSelected();
    void moveCurrent(int by);
    void saveAsPreset();

    std::shared_ptr<const TimingDataset> m_data;
    QWidget* m_parent;
    QComboBox* m_preset;
    QListWidget* m_list;
};

} // namespace te
