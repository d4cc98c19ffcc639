#include "ui/export/exportcolumnseditor.h"

#include "export/exportcolumns.h"

#include <QComboBox>
#include <QCursor>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>

namespace te {

namespace {
const QString kPresetsKey = QStringLiteral("export/userPresets");
const QString kUserPresetPrefix = QStringLiteral("user:");

QString columnLabel(const RunColumn& column)
{
    switch (column.kind) {
    case RunColumn::Kind::Field:
        return column.key;
    case RunColumn::Kind::Metric:
        return QObject::tr("%1 (seconds)").arg(column.key);
    case RunColumn::Kind::RatioToMedian:
        return QObject::tr("× group median");
    case RunColumn::Kind::Line:
        return QObject::tr("line");
    }
    return {};
}
} // namespace

ExportColumnsEditor::ExportColumnsEditor(std::shared_ptr<const TimingDataset> data, QWidget* parent)
    : QObject(parent)
    , m_data(std::move(data))
    , m_parent(parent)
    , m_preset(new QComboBox(parent))
    , m_list(new QListWidget(parent))
{
    m_preset->setAccessibleName(tr("Column preset"));
    m_preset->addItem(tr("Summary (registration_id, total, model, timestamp)"), QStringLiteral("summary"));
    m_preset->addItem(tr("Phase totals"), QStringLiteral("phases"));
    m_preset->addItem(tr("Everything"), QStringLiteral("all"));
    for (const QString& name : QSettings().value(kPresetsKey).toMap().keys())
        m_preset->addItem(name, QString(kUserPresetPrefix + name));
    connect(
        m_preset, &QComboBox::activated, this, [this] { applyPreset(m_preset->currentData().toString()); });
    m_list->setAccessibleName(tr("Exported columns"));
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, &ExportColumnsEditor::changed);
}

void ExportColumnsEditor::addRows(QFormLayout* form)
{
    auto* add = new QPushButton(tr("Add…"), m_parent);
    auto* remove = new QPushButton(tr("Remove"), m_parent);
    auto* up = new QPushButton(tr("Up"), m_parent);
    auto* down = new QPushButton(tr("Down"), m_parent);
    auto* save = new QPushButton(tr("Save as Preset…"), m_parent);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : { add, remove, up, down, save })
        buttons->addWidget(button);
    connect(add, &QPushButton::clicked, this, &ExportColumnsEditor::showAddMenu);
    connect(remove, &QPushButton::clicked, this, &ExportColumnsEditor::removeSelected);
    connect(up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(save, &QPushButton::clicked, this, &ExportColumnsEditor::saveAsPreset);
    form->addRow(tr("Preset:"), m_preset);
    form->addRow(tr("Columns:"), m_list);
    form->addRow(QString(), buttons);
}

std::vector<RunColumn> ExportColumnsEditor::columns() const
{
    std::vector<RunColumn> columns;
    for (const QString& id : columnIds())
        columns.push_back(RunColumn::fromId(id));
    return columns;
}

QStringList ExportColumnsEditor::columnIds() const
{
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i)
        ids << m_list->item(i)->data(Qt::UserRole).toString();
    return ids;
}

void ExportColumnsEditor::setColumnIds(const QStringList& ids)
{
    std::vector<RunColumn> columns;
    for (const QString& id : ids)
        columns.push_back(RunColumn::fromId(id));
    setColumns(columns);
}

void ExportColumnsEditor::applyPreset(const QString& name)
{
    if (name.startsWith(kUserPresetPrefix)) {
        const QVariantMap presets = QSettings().value(kPresetsKey).toMap();
        setColumnIds(presets.value(name.mid(kUserPresetPrefix.size())).toStringList());
    } else {
        setColumns(presetColumns(name, *m_data).value_or(std::vector<RunColumn> {}));
    }
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(name)));
}

void ExportColumnsEditor::setPresetEnabled(bool enabled)
{
    m_preset->setEnabled(enabled);
}

void ExportColumnsEditor::setColumns(const std::vector<RunColumn>& columns)
{
    m_list->clear();
    for (const RunColumn& column : columns)
        addColumn(column);
    emit changed();
}

void ExportColumnsEditor::addColumn(const RunColumn& column)
{
    auto* item = new QListWidgetItem(columnLabel(column), m_list);
    item->setData(Qt::UserRole, column.id());
}

void ExportColumnsEditor::showAddMenu()
{
    QMenu menu(m_parent);
    for (const RunColumn& column : availableRunColumns(*m_data)) {
        menu.addAction(columnLabel(column), this, [this, column] {
            addColumn(column);
            emit changed();
        });
    }
    menu.exec(QCursor::pos());
}

void ExportColumnsEditor::removeSelected()
{
    qDeleteAll(m_list->selectedItems());
    emit changed();
}

void ExportColumnsEditor::moveCurrent(int by)
{
    const int row = m_list->currentRow();
    if (row < 0 || row + by < 0 || row + by >= m_list->count())
        return;
    QListWidgetItem* item = m_list->takeItem(row);
    m_list->insertItem(row + by, item);
    m_list->setCurrentRow(row + by);
    emit changed();
}

void ExportColumnsEditor::saveAsPreset()
{
    const QString name = QInputDialog::getText(m_parent, tr("Save Preset"), tr("Name:")).trimmed();
    if (name.isEmpty())
        return;
    QVariantMap presets = QSettings().value(kPresetsKey).toMap();
    presets.insert(name, columnIds());
    QSettings().setValue(kPresetsKey, presets);
    const QString id = kUserPresetPrefix + name;
    if (m_preset->findData(id) < 0)
        m_preset->addItem(name, id);
}

} // namespace te
