#include "ui/shell/formatsdialog.h"

#include <QDialogButtonBox>
#include <QPalette>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace te {

FormatsDialog::FormatsDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Input Formats — Timing Explorer"));
    setObjectName(QStringLiteral("formatsDialog"));
    auto* page = new QTextBrowser(this);
    page->setObjectName(QStringLiteral("formatsPage"));
    page->setOpenExternalLinks(false);
    page->setHtml(html(page->palette()));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(page, 1);
    layout->addWidget(buttons);
    resize(780, 640);
}

std::vector<FormatsDialog::Example> FormatsDialog::examples()
{
    const auto jsonl = QStringLiteral("jsonl");
    const auto csv = QStringLiteral("csv");
    return {
        { tr("Proposed structure (JSON Lines)"),
            tr("Metadata in <tt>run_metadata</tt>, the phase tree in <tt>timings</tt>."),
            QStringLiteral(R"({"run_metadata": {"registration_id": "SPUS55557", "model": "zai_glm4_5_air", )"
                           R"("timestamp": "2025-01-14T10:30:00Z"}, "timings": {"total_seconds": 50.4, )"
                           R"("phases": {"phase1": {"total_seconds": 34.5, "breakdown": )"
                           R"({"agent_conversation_seconds": 33.2}, "agents": ["matcher1", "critic"]}, )"
                           R"("phase2": {"total_seconds": 15.9}}}})"),
            jsonl },
        { tr("Phases at the top (JSON Lines)"),
            tr("Metadata beside <tt>phases</tt>; keys without a unit suffix are seconds."),
            QStringLiteral(
                R"({"registration_id": "SPUS55557", "model": "zai_glm4_5_air", "phases": )"
                R"({"phase1": {"total": 34.5, "agent_conversation": 33.2}, "phase2": {"total": 15.9}}})"),
            jsonl },
        { tr("Flat record (JSON Lines or CSV)"),
            tr("<tt>phaseN_ITEM_seconds</tt> is the node <tt>phaseN/ITEM</tt>; <tt>_ms</tt> is "
               "milliseconds."),
            QStringLiteral("registration_id,model,total_seconds,phase1_total_seconds,"
                           "phase1_agent_conversation_seconds,phase2_llm_ms\nR1,gpt4o,10.0,6.0,5.0,3000"),
            csv },
        { tr("Legacy wide CSV"),
            tr("<tt>matcher1_critic_time_seconds</tt> is the phase 1 total and "
               "<tt>matcher2_time_seconds</tt> "
               "the phase 2 total. Older files hold one model each: open them together and group by "
               "<tt>source</tt>."),
            QStringLiteral("registration_id,matcher1_critic_time_seconds,phase1_agent_conversation_seconds,"
                           "matcher2_time_seconds\nSPUS55557,34.522,33.200,15.893"),
            csv },
        { tr("Summary CSV"), tr("One total per run."),
            QStringLiteral("registration_id,total_seconds,model,timestamp\n"
                           "SPUS55557,50.415,zai_glm4_5_air,2025-01-14T10:30:00Z"),
            csv },
        { tr("Column mapping (the command line's <tt>--mapping</tt>)"),
            tr("A JSON object that places other CSV columns in the tree."),
            QStringLiteral(R"({"critic_wait": "phase1/critic_wait", "validator_ms": "phase3/validation"})"),
            QStringLiteral("json"), true },
        { tr("JSON array of records"),
            tr("One JSON array, as pandas' <tt>to_json(orient=\"records\")</tt> writes it; each element "
               "is read as a JSON Lines record."),
            QStringLiteral("[\n  {\"registration_id\": \"SPUS55557\", \"model\": \"zai_glm4_5_air\",\n"
                           "   \"total_seconds\": 50.4, \"phase1_total_seconds\": 34.5}\n]"),
            QStringLiteral("json") },
        { tr("JSON objects over several lines"),
            tr("Pretty-printed objects one after another, as <tt>jq .</tt> writes them; each object is a "
               "record."),
            QStringLiteral("{\n  \"registration_id\": \"SPUS55557\",\n  \"model\": \"zai_glm4_5_air\",\n"
                           "  \"phases\": {\n    \"phase1\": {\"total\": 34.5},\n    \"phase2\": {\"total\": "
                           "15.9}\n  }\n}"),
            QStringLiteral("json") },
        { tr("OpenTelemetry trace (OTLP/JSON)"),
            tr("The OpenTelemetry Collector's file exporter (one request per line) or one request "
               "document. Each trace is a run: its root span is the total, the spans below it are the "
               "nodes, and the root's and resource's attributes are metadata "
               "(<tt>gen_ai.request.model</tt> is the model; without a <tt>registration_id</tt> the "
               "trace id stands in). Siblings of one name are numbered, <tt>tool_call#1</tt>, "
               "<tt>tool_call#2</tt>; children that overlap mark the run <tt>parallel</tt>."),
            QStringLiteral(
                "{\"resourceSpans\": [{\"resource\": {\"attributes\": [{\"key\": \"service.name\", "
                "\"value\": {\"stringValue\": \"bench\"}}]},\n"
                "  \"scopeSpans\": [{\"spans\": [\n"
                "    {\"traceId\": \"4bf92f3577b34da6a3ce929d0e0e4736\", \"spanId\": \"00f067aa0ba902b7\", "
                "\"name\": \"run\",\n"
                "     \"startTimeUnixNano\": \"1736850600000000000\", \"endTimeUnixNano\": "
                "\"1736850650400000000\",\n"
                "     \"attributes\": [{\"key\": \"registration_id\", \"value\": {\"stringValue\": "
                "\"SPUS55557\"}},\n"
                "       {\"key\": \"gen_ai.request.model\", \"value\": {\"stringValue\": "
                "\"zai_glm4_5_air\"}}]},\n"
                "    {\"traceId\": \"4bf92f3577b34da6a3ce929d0e0e4736\", \"spanId\": \"b7ad6b7169203331\", "
                "\"parentSpanId\": \"00f067aa0ba902b7\",\n"
                "     \"name\": \"phase1\", \"startTimeUnixNano\": \"1736850600000000000\", "
                "\"endTimeUnixNano\": \"1736850634500000000\"}]}]}]}"),
            QStringLiteral("json") },
        { tr("Chrome trace (Trace Event JSON)"),
            tr("What Perfetto, speedscope and chrome://tracing open: an object with "
               "<tt>traceEvents</tt>, or the bare array. <tt>X</tt> events and <tt>B</tt>/<tt>E</tt> "
               "pairs (microseconds) nest by time within a thread. Each process is a run (on the "
               "command line, <tt>--chrome-runs top-level</tt> makes each outermost event one); its "
               "<tt>process_name</tt> \"REGISTRATION · MODEL\" names it unless the root event's "
               "<tt>args</tt>, which are metadata, do. File &gt; Open in a Trace Viewer writes this "
               "format."),
            QStringLiteral("{\"traceEvents\": [\n"
                           "  {\"name\": \"process_name\", \"ph\": \"M\", \"pid\": 1, \"args\": "
                           "{\"name\": \"SPUS55557 · zai_glm4_5_air\"}},\n"
                           "  {\"name\": \"run\", \"ph\": \"X\", \"ts\": 0, \"dur\": 50400000, \"pid\": 1, "
                           "\"tid\": 1},\n"
                           "  {\"name\": \"phase1\", \"ph\": \"X\", \"ts\": 0, \"dur\": 34500000, \"pid\": "
                           "1, \"tid\": 1},\n"
                           "  {\"name\": \"phase2\", \"ph\": \"B\", \"ts\": 34500000, \"pid\": 1, \"tid\": "
                           "1},\n"
                           "  {\"ph\": \"E\", \"ts\": 50400000, \"pid\": 1, \"tid\": 1}\n"
                           "]}"),
            QStringLiteral("json") },
        { tr("Excel \"Unicode Text\" (UTF-16, tab-separated)"),
            tr("UTF-16 or UTF-32 text with a byte order mark is read as UTF-8, then as the CSV or JSON "
               "it holds."),
            QStringLiteral("registration_id\tmodel\ttotal_seconds\nSPUS55557\tzai_glm4_5_air\t50.4"),
            QStringLiteral("txt"), false, true },
    };
}

QString FormatsDialog::html(const QPalette& palette)
{
    // QTextDocument knows no palette() in CSS, so the examples' shade is passed in.
    const QString shade = palette.color(QPalette::AlternateBase).name();
    QString page = tr("<p>Timing Explorer reads <b>JSON Lines</b> (one JSON object per line: "
                      "<tt>.jsonl</tt>, <tt>.ndjson</tt>), <b>JSON</b> (an array of records, or objects "
                      "over several lines: <tt>.json</tt>; read into memory whole), <b>CSV</b> (comma, "
                      "semicolon or tab; <tt>.csv</tt>, <tt>.tsv</tt>), in UTF-8, UTF-16 or UTF-32, "
                      "<b>OpenTelemetry traces</b> (OTLP/JSON, one trace a run), <b>Chrome traces</b> "
                      "(Trace Event JSON, one process a run), and "
                      "<b>SQLite</b> databases (<tt>.sqlite</tt>, <tt>.db</tt>; see below). The shape is "
                      "detected record by record, so one file may mix them. Open several files at once to "
                      "compare them; each run remembers its "
                      "<tt>source</tt> file.</p>");
    for (const Example& example : examples()) {
        // Rich text collapses white space: indentation and tabs are kept as &nbsp;.
        QStringList lines = example.text.toHtmlEscaped().split(u'\n');
        for (QString& line : lines) {
            qsizetype spaces = 0;
            while (spaces < line.size() && line[spaces] == u' ')
                ++spaces;
            line.replace(0, spaces, QStringLiteral("&nbsp;").repeated(spaces));
            line.replace(u'\t', QStringLiteral("&nbsp;").repeated(4));
        }
        page += QStringLiteral("<h3>%1</h3><p>%2</p><table width=\"100%\" cellpadding=\"6\" bgcolor=\"%4\">"
                               "<tr><td><tt>%3</tt></td></tr></table>")
                    .arg(example.title, example.description, lines.join(QStringLiteral("<br>")), shade);
    }
    page += tr("<h3>SQLite database</h3><p>The tables of the timing-storage schema: each row of "
               "<tt>timings(id, registration_id, timestamp, model, constellation, total_seconds)</tt> is a "
               "run, each row of <tt>phase_timings(id, timing_id, phase_name, total_seconds, "
               "agent_conversation_seconds, file_write_seconds, capacity_update_seconds)</tt> one of its "
               "phases. Other columns of <tt>timings</tt>, and the members of a JSON <tt>metadata</tt> "
               "column, are metadata; <tt>nodes(timing_id, path, seconds)</tt> holds deeper nodes. A "
               "database with one other table is read by the flat-record rules above (on the command "
               "line, <tt>--table</tt> names the table). <tt>convert -o runs.sqlite</tt> writes this "
               "schema. Databases are opened read-only.</p>");
    page += tr("<h3>PostgreSQL database</h3><p>The same tables in PostgreSQL, opened with File &gt; Open "
               "Database… or named on the command line as <tt>postgresql://USER@HOST[:PORT]/DB</tt> "
               "(<tt>?table=NAME</tt> reads a flat table). They are read in one read-only transaction; "
               "<tt>convert -o postgresql://…</tt> creates the tables when missing and appends. An address "
               "never carries a password: it comes from <tt>PGPASSWORD</tt> or <tt>~/.pgpass</tt>. "
               "Followed, the window reads the rows with a larger <tt>timings.id</tt>.</p>");
    page += tr("<h3>Rules for every shape</h3><ul>"
               "<li>Units come from the suffix: <tt>_seconds</tt> and <tt>_s</tt> are seconds, <tt>_ms</tt> "
               "milliseconds.</li>"
               "<li>A missing total is the sum of its parts, marked Σ. Parts that add up to less than the "
               "total leave an <tt>(unaccounted)</tt> node.</li>"
               "<li>Timestamps are ISO 8601 or epoch seconds, shown in UTC.</li>"
               "<li>With <tt>;</tt> or tab as delimiter, decimal commas (<tt>12,5</tt>) are read.</li>"
               "<li>A bad line never stops a load: it is listed under View &gt; Problems with its file, "
               "line and reason, and every good line around it is kept. Files are only ever read.</li></ul>");
    return page;
}

} // namespace te
