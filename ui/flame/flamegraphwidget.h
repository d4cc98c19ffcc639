#pragma once

#include "ui/flame/flamegraphdata.h"
#include "ui/flame/flamelayout.h"

#include <QHash>
#include <QWidget>

namespace te {

/// A flame graph (an icicle: the root on top), painted with QPainter. A node's
/// width is its seconds; children sit left to right in file order, "(unaccounted)"
/// last and hatched; siblings narrower than 2 px merge into one "…" box. One tree
/// is coloured by node name, a difference by B − A (see flamecolors.h).
///
/// Click a node to zoom into it; Escape, or a click on an ancestor, zooms back
/// out. A search highlights matching nodes. The context menu offers "Runs where
/// this node is slowest" and "Copy as TSV".
class FlameGraphWidget final : public QWidget
{
    Q_OBJECT
public:
    explicit FlameGraphWidget(QWidget* parent = nullptr);

    void setData(FlameGraphData data);
    const FlameGraphData& data() const { return m_data; }
    /// Typical seconds per node path (the group's medians), which a run's tooltip
    /// compares with; `label` names them ("median of openai_gpt4o").
    void setReference(QHash<QString, double> secondsByPath, QString label);

    /// The seconds the full width stands for, so that graphs stacked one above the
    /// other share a scale: the largest root. 0 (the default): this graph's root.
    /// Zoomed in, a graph always spans the width.
    void setFullWidthSeconds(double seconds);

    int zoomItem() const { return m_zoom; }
    void zoomTo(int item);
    void resetZoom() { zoomTo(0); }
    /// The names from the root to the zoomed node.
    QStringList breadcrumbs() const;

    /// Highlights the nodes whose name contains `text` (case-insensitive); empty
    /// clears. Returns the matches' share of the root, counting a match inside
    /// another match once.
    double setSearch(const QString& text);
    double searchShare() const { return m_searchShare; }

    /// The boxes as painted at the current size (for tests and hit testing).
    const std::vector<FlameBox>& boxes() const { return m_boxes; }
    const FlameBox* boxAt(const QPointF& position) const;
    int rowHeight() const;
    /// The tooltip text of a box.
    QString tipFor(const FlameBox& box) const;
    /// Every item as path, seconds, % of parent and % of root (plus A, B, Δ in a
    /// difference), tab-separated with a header: what "Copy as TSV" copies.
    QString toTsv() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void zoomChanged();
    /// "Runs where this node is slowest" for the node at `path`.
    void slowestRunsRequested(const QString& path);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void relayout();
    bool isMatch(int item) const;
    void paintBox(class QPainter& painter, const FlameBox& box, bool dark) const;
    QColor fillOf(const FlameBox& box, bool dark) const;
    QString itemTip(int item) const;

    FlameGraphData m_data;
    std::vector<FlameBox> m_boxes;
    int m_zoom = 0;
    double m_fullWidthSeconds = 0;
    QString m_search;
    std::vector<bool> m_matches;
    double m_searchShare = 0;
    QHash<QString, double> m_reference;
    QString m_referenceLabel;
};

} // namespace te
