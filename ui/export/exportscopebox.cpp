#include "ui/export/exportscopebox.h"

#include <QButtonGroup>
#include <QRadioButton>
#include <QVBoxLayout>
#include <tuple>

namespace te {

ExportScopeBox::ExportScopeBox(ExportScope scope, QWidget* parent)
    : QGroupBox(tr("Runs"), parent)
    , m_scope(std::move(scope))
    , m_choices(new QButtonGroup(this))
{
    auto* layout = new QVBoxLayout(this);
    const std::tuple<Choice, QString, std::size_t> choices[]
        = { { AllRuns, tr("All runs (%L1)"), m_scope.all.size() },
              { FilteredRuns, tr("The current filter (%L1)"), m_scope.filtered.size() },
              { SelectedRuns, tr("The selected runs (%L1)"), m_scope.selected.size() } };
    for (const auto& [id, label, runs] : choices) {
        auto* radio = new QRadioButton(label.arg(runs), this);
        radio->setEnabled(runs > 0);
        m_choices->addButton(radio, id);
        layout->addWidget(radio);
    }
    m_choices->button(m_scope.filtered.size() < m_scope.all.size() ? FilteredRuns : AllRuns)
        ->setChecked(true);
    connect(m_choices, &QButtonGroup::idToggled, this, &ExportScopeBox::changed);
}

std::vector<std::uint32_t> ExportScopeBox::runs() const
{
    switch (m_choices->checkedId()) {
    case FilteredRuns:
        return m_scope.filtered;
    case SelectedRuns:
        return m_scope.selected;
    default:
        return m_scope.all;
    }
}

void ExportScopeBox::chooseAllRuns()
{
    m_choices->button(AllRuns)->setChecked(true);
}

} // namespace te
