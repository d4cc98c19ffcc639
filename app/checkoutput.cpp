#include "checkoutput.h"

#include "clinumbers.h"
#include "texttable.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace te::cli {

namespace {

QString percent(double fraction)
{
    return QString::number(fraction * 100, 'g', 6) + u'%';
}

QString mark(GateVerdict verdict)
{
    switch (verdict) {
    case GateVerdict::Regression:
        return QStringLiteral("↑");
    case GateVerdict::Improvement:
        return QStringLiteral("↓");
    case GateVerdict::NotEnoughRuns:
        return QStringLiteral("?");
    case GateVerdict::Unchanged:
        break;
    }
    return QStringLiteral("~");
}

// "1 regression, 1 improvement, 3 unchanged": every verdict that occurs.
QString tally(const GateReport& report)
{
    QStringList parts;
    for (const GateVerdict v : { GateVerdict::Regression, GateVerdict::Improvement, GateVerdict::Unchanged,
             GateVerdict::NotEnoughRuns }) {
        const int n = report.count(v);
        if (n == 0)
            continue;
        QString name = verdictName(v);
        if (n > 1 && v != GateVerdict::Unchanged && v != GateVerdict::NotEnoughRuns)
            name += u's';
        parts << QString::number(n) + u' ' + name;
    }
    return parts.isEmpty() ? QStringLiteral("nothing checked") : parts.join(QStringLiteral(", "));
}

QString ruleText(const GateOptions& options)
{
    return QStringLiteral(
               "a regression is a ratio candidate/baseline whose 95 % bootstrap CI lies wholly above "
               "1 + N % with Mann-Whitney p < ")
        + QString::number(options.alpha)
        + QStringLiteral("; an improvement one wholly below 1/(1 + N %) with "
                         "p < ")
        + QString::number(options.alpha) + QStringLiteral("; groups with fewer than ")
        + QString::number(options.minRuns) + QStringLiteral(" runs on a side: not enough runs");
}

// A group, metric or registration in a Markdown table cell: a "|" would end the cell.
QString cell(QString text)
{
    return text.replace(u'|', QStringLiteral("\\|"));
}

QString grewMost(const GateResult& r)
{
    if (r.grewMostPath.isEmpty())
        return QStringLiteral("-");
    return cell(r.grewMostPath) + QStringLiteral(" +") + fixed(r.grewMostCandidate - r.grewMostBaseline, 2)
        + QStringLiteral(" s (") + fixed(r.grewMostBaseline, 2) + QStringLiteral(" → ")
        + fixed(r.grewMostCandidate, 2) + QStringLiteral(")");
}

QString slowedMost(const GateResult& r)
{
    QStringList items;
    for (const SlowedRegistration& s : r.slowedMost)
        items << cell(s.id) + QStringLiteral(" ×") + fixed(s.ratio, 2);
    return items.isEmpty() ? QStringLiteral("-") : items.join(QStringLiteral(", "));
}

} // namespace

void printCheckTable(const GateReport& report, const CheckSides& sides, QTextStream& out)
{
    out << "candidate " << sides.candidate << " against baseline " << sides.baseline << "\n\n";
    std::vector<QStringList> rows { { QStringLiteral("group"), QStringLiteral("metric"),
        QStringLiteral("rule"), QStringLiteral("baseline"), QStringLiteral("n"), QStringLiteral("candidate"),
        QStringLiteral("n"), QStringLiteral("ratio"), QStringLiteral("95 % CI"), QStringLiteral("p"),
        QStringLiteral("verdict") } };
    for (const GateResult& r : report.results) {
        for (const GateCheck& c : r.checks) {
            rows.push_back({ r.group, r.metric, gateRuleText(c.rule), fixed(c.baselineValue),
                QString::number(c.baselineRuns), fixed(c.candidateValue), QString::number(c.candidateRuns),
                fixed(c.ratio.estimate), fixed(c.ratio.low) + QStringLiteral("-") + fixed(c.ratio.high),
                pValue(c.p), verdictName(c.verdict) });
        }
    }
    printAlignedTable(rows, 3, out);
    out << '\n' << tally(report) << "\nrule: " << ruleText(sides.options) << '\n';
}

void printCheckJson(const GateReport& report, QTextStream& out)
{
    nlohmann::json results = nlohmann::json::array();
    for (const GateResult& r : report.results) {
        for (const GateCheck& c : r.checks) {
            results.push_back({ { "group", r.group.toStdString() }, { "metric", r.metric.toStdString() },
                { "stat", statisticName(c.rule.statistic).toStdString() }, { "threshold", c.rule.threshold },
                { "baseline", { { "value", number(c.baselineValue) }, { "n", c.baselineRuns } } },
                { "candidate", { { "value", number(c.candidateValue) }, { "n", c.candidateRuns } } },
                { "ratio", number(c.ratio.estimate) },
                { "ci95", { number(c.ratio.low), number(c.ratio.high) } }, { "p", number(c.p) },
                { "regression", c.verdict == GateVerdict::Regression },
                { "improvement", c.verdict == GateVerdict::Improvement },
                { "verdict", verdictName(c.verdict).toStdString() } });
        }
    }
    out << QString::fromStdString(nlohmann::json { { "results", results } }.dump(2)) << '\n';
}

void printCheckMarkdown(const GateReport& report, const CheckSides& sides, QTextStream& out)
{
    const int regressions = report.count(GateVerdict::Regression);
    out << "### Timing check: " << (regressions > 0 ? QStringLiteral("failed") : QStringLiteral("passed"))
        << " (" << tally(report) << ")\n\n";
    out << "Candidate " << sides.candidate << " against baseline " << sides.baseline << ".\n\n";
    out << "| | group | metric | baseline | candidate | ratio (95 % CI) | p | phase that grew most "
           "| slowed most |\n";
    out << "|---|---|---|---|---|---|---|---|---|\n";
    for (const GateResult& r : report.results) {
        QStringList base;
        QStringList candidate;
        QStringList ratio;
        QStringList p;
        for (const GateCheck& c : r.checks) {
            const QString stat = statisticName(c.rule.statistic) + u' ';
            base << stat + fixed(c.baselineValue, 2) + QStringLiteral(" s (n=")
                    + QString::number(c.baselineRuns) + u')';
            candidate << stat + fixed(c.candidateValue, 2) + QStringLiteral(" s (n=")
                    + QString::number(c.candidateRuns) + u')';
            ratio << mark(c.verdict) + u' ' + fixed(c.ratio.estimate) + QStringLiteral(" (")
                    + fixed(c.ratio.low) + QStringLiteral("–") + fixed(c.ratio.high) + QStringLiteral(") ")
                    + QStringLiteral("vs +") + percent(c.rule.threshold);
            p << pValue(c.p);
        }
        const QString sep = QStringLiteral("<br>");
        out << "| " << mark(r.verdict()) << " | " << cell(r.group) << " | " << cell(r.metric) << " | "
            << base.join(sep) << " | " << candidate.join(sep) << " | " << ratio.join(sep) << " | "
            << p.join(sep) << " | " << grewMost(r) << " | " << slowedMost(r) << " |\n";
    }
    out << "\n↑ regression, ↓ improvement, ~ unchanged, ? not enough runs. Rule: " << ruleText(sides.options)
        << ".\n";
}

} // namespace te::cli
