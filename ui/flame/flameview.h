#pragma once

#include "ui/flame/flamegraphdata.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace te {

class FlameGraphWidget;

/// A flame graph with what goes around it: breadcrumbs of the zoom (each a link
/// back out), a search box with the matches' share, and a caption saying what the
/// widths are ("mean of 10 runs", "medians: parts need not add up").
class FlameView final : public QWidget
{
    Q_OBJECT
public:
    explicit FlameView(QWidget* parent = nullptr);

    void setData(FlameGraphData data, const QString& caption);
    /// Graphs stacked in one panel share one search box and one hint: the panel
    /// hides each view's and drives searchField() itself.
    void setSearchAndHintShown(bool shown);
    FlameGraphWidget* graph() const { return m_graph; }
    QLineEdit* searchField() const { return m_search; }
    QLabel* breadcrumbLabel() const { return m_breadcrumbs; }
    QLabel* captionLabel() const { return m_caption; }
    QLabel* shareLabel() const { return m_share; }

signals:
    void slowestRunsRequested(const QString& path);

private:
    void updateBreadcrumbs();
    void search(const QString& text);

    FlameGraphWidget* m_graph;
    QLabel* m_caption;
    QLabel* m_breadcrumbs;
    QLineEdit* m_search;
    QLabel* m_share;
    QLabel* m_hint;
};

} // namespace te
