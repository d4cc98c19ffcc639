#pragma once

#include "query/runquery.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace te {

class MultiSelectButton;
class TimingDataset;

/// The runs view's filter bar: free text, model and constellation pickers, a
/// duration range on a chosen metric, a time range, "only problem runs", and an
/// advanced field taking the CLI's --filter expressions separated by ';'.
/// It only collects the user's choices; RunQuery evaluates them in core.
class FilterBar final : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(QWidget* parent = nullptr);

    /// Offers the dataset's models, constellations and metrics; keeps choices that still apply.
    void setDataset(const TimingDataset* data);
    /// The current choices. An expression that does not parse is left out and
    /// reported in `error` (the field turns red, and the message shows below the bar).
    RunQuery query(QString* error) const;
    void focusSearch();
    void clear();

signals:
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    /// Shows `errors` (the expressions' parse errors, one a line) below the bar and
    /// marks the field; hides the message when there are none.
    void showErrors(const QString& errors) const;
    void applyErrorColor() const;
    static QString expressionsHelp();
    void buildRangeMenu(QToolButton* button);
    void buildTimeMenu(QToolButton* button);

    const TimingDataset* m_data = nullptr;
    QLineEdit* m_search;
    MultiSelectButton* m_models;
    MultiSelectButton* m_constellations;
    QComboBox* m_rangeMetric;
    QDoubleSpinBox* m_minSeconds;
    QDoubleSpinBox* m_maxSeconds;
    QCheckBox* m_useFrom;
    QCheckBox* m_useTo;
    QDateTimeEdit* m_from;
    QDateTimeEdit* m_to;
    QToolButton* m_rangeButton;
    QToolButton* m_timeButton;
    QCheckBox* m_onlyProblems;
    QLineEdit* m_expressions;
    QLabel* m_error;
};

} // namespace te
