#pragma once

#include <QGroupBox>
#include <cstdint>
#include <vector>

class QButtonGroup;

namespace te {

/// The runs an export may write: every run, the runs view's current filter, and
/// its selection, each in table order.
struct ExportScope
{
    std::vector<std::uint32_t> all, filtered, selected;
};

/// The export dialog's "Runs" section: one radio button per scope, with its
/// number of runs; an empty scope cannot be chosen. The current filter is chosen
/// first when it hides runs, otherwise all runs.
class ExportScopeBox final : public QGroupBox
{
    Q_OBJECT
public:
    explicit ExportScopeBox(ExportScope scope, QWidget* parent = nullptr);

    /// The runs of the chosen scope.
    std::vector<std::uint32_t> runs() const;
    void chooseAllRuns();

signals:
    void changed();

private:
    /// The ids of the radio buttons.
    enum Choice
    {
        AllRuns,
        FilteredRuns,
        SelectedRuns
    };

    ExportScope m_scope;
    QButtonGroup* m_choices;
};

} // namespace te
