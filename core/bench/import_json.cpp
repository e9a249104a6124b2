// JSON formats: vLLM, SGLang, GenAI-Perf/AIPerf, GuideLLM, genai-bench and the autotuner.
#include "core/bench/importcontext.h"
#include "core/text.h"

#include "core/bench/jsonstream.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>

namespace quantcfg::bench {

namespace {

bool hasKeyEnding(const Json &doc, std::string_view suffix)
{
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const std::string &k = it.key();
        if (k.size() >= suffix.size() && k.compare(k.size() - suffix.size(), suffix.size(), suffix) == 0)
            return true;
    }
    return false;
}

bool isGenAiPerfStat(const Json &v)
{
    return v.is_object() && v.contains("unit") && v.contains("avg");
}

const Json *member(const Json &doc, const char *key)
{
    if (!doc.is_object())
        return nullptr;
    auto it = doc.find(key);
    return it == doc.end() || it->is_null() ? nullptr : &*it;
}

std::string text(const Json *v)
{
    if (!v)
        return {};
    if (v->is_string())
        return v->get<std::string>();
    return v->is_number() || v->is_boolean() ? v->dump() : std::string();
}

// The engine behind a client backend name ("vllm", "sglang-oai", "openai" → none).
std::string engineOfBackend(const std::string &backend)
{
    if (backend.rfind("vllm", 0) == 0)
        return "vllm";
    if (backend.rfind("sglang", 0) == 0)
        return "sglang";
    if (backend.rfind("trt", 0) == 0 || backend.rfind("tensorrt", 0) == 0)
        return "tensorrt-llm";
    if (backend == "lmdeploy" || backend == "tgi")
        return backend;
    return {};
}

// SGLang's bench_serving (0.4+) stores the server's answer to GET /server_info: the arguments the
// server really ran with, surer than a tag. A prefill/decode-disaggregated server answers per role
// ({"prefill": [...], "decode": [...]}); the decode server's settings describe the generation.
LabelPairs sglangServerLabels(const Json &infoIn)
{
    const Json *info = &infoIn;
    if (const Json *decode = member(infoIn, "decode"); decode && decode->is_array() && !decode->empty())
        info = &(*decode)[0];
    if (!info->is_object())
        return {};
    LabelPairs labels{{"engine", "sglang"}};
    for (const char *key : {"served_model_name", "model_path"})
        if (std::string model = text(member(*info, key)); !model.empty()) {
            labels.emplace_back("model", std::move(model));
            break;
        }
    if (std::string version = text(member(*info, "version")); !version.empty())
        labels.emplace_back("engine_version", version[0] == 'v' ? version.substr(1) : version);
    for (const char *key : {"tp_size", "dp_size", "ep_size", "pp_size"}) // 1 is the default, not worth a label
        if (const Json *v = member(*info, key); v && v->is_number_integer() && v->get<long long>() > 1)
            labels.emplace_back(canonicalLabelKey(key), std::to_string(v->get<long long>()));
    if (std::string q = text(member(*info, "quantization")); !q.empty())
        labels.emplace_back("quantization", q);
    if (std::string kv = text(member(*info, "kv_cache_dtype")); !kv.empty() && kv != "auto")
        labels.emplace_back("kv_cache_dtype", kv);
    return labels;
}

// vLLM and SGLang: flat objects, latency stats as "{stat}_{metric}_ms".
void importServeBench(ImportContext &ctx, const Json &doc, Tool tool, std::uint64_t line)
{
    static const std::regex statKey(R"((mean|median|std|p\d+(?:\.\d+)?)_(.+)_ms)");
    // Run information and traffic shape; everything else that is a string is vLLM --metadata.
    static const std::set<std::string> runInfo = {
        "date", "endpoint_type", "backend", "label", "model_id", "tokenizer_id", "tag", "dataset_name", "request_rate",
        "max_concurrency", "burstiness", "num_prompts", "sharegpt_output_len", "random_input_len", "random_output_len",
        "random_range_ratio", "best_of", "use_beam_search", "ramp_up_strategy", "ramp_up_start_rps", "ramp_up_end_rps"};
    LabelPairs labels;
    for (auto it = doc.begin(); it != doc.end(); ++it)
        if (it->is_string() && !runInfo.count(it.key()))
            labels.emplace_back(canonicalLabelKey(it.key()), it->get<std::string>());
    if (const Json *info = member(doc, "server_info"))
        mergeLabels(labels, sglangServerLabels(*info));
    if (const Json *tag = member(doc, "tag"))
        mergeLabels(labels, labelsFromText(text(tag)));
    if (const std::string engine = engineOfBackend(text(member(doc, "backend"))); !engine.empty())
        mergeLabels(labels, {{"engine", engine}});
    mergeLabels(labels, {{"model", text(member(doc, "model_id"))}, {"label", text(member(doc, "label"))}});
    // The traffic: which dataset, and for the random one its lengths (a ShareGPT run still carries
    // the random defaults, which mean nothing there). Runs at one rate differ only by these.
    const std::string dataset = text(member(doc, "dataset_name"));
    if (!dataset.empty())
        mergeLabels(labels, {{"dataset_name", dataset}});
    if (dataset == "random") {
        for (const char *key : {"random_input_len", "random_output_len"})
            if (const Json *v = member(doc, key); v && v->is_number_integer())
                mergeLabels(labels, {{key, std::to_string(v->get<long long>())}});
    }
    // `vllm bench sweep` summaries add the sweep's settings (max_num_seqs, …) and run_number to each
    // result: the settings tell the configurations apart, so they are labels, not measurements; the
    // run number tells repetitions of one configuration apart, so it goes to the run id.
    const bool sweep = doc.contains("run_number");
    const auto sweptSetting = [&](const std::string &key) {
        static const std::set<std::string> measured = {"rtfx", "max_concurrent_requests", "request_goodput", "request_goodput:"};
        return sweep && !std::regex_match(key, statKey) && !canonicalMetric(key).known && !measured.count(key) && key.rfind("spec_decode_", 0) != 0;
    };
    if (sweep) {
        for (auto it = doc.begin(); it != doc.end(); ++it) {
            if (it->is_number() && !runInfo.count(it.key()) && it.key() != "run_number" && sweptSetting(it.key())) {
                const double v = it->get<double>();
                const std::string value = v == std::floor(v) && std::fabs(v) < 1e15 ? std::to_string(static_cast<long long>(v)) : it->dump();
                labels.emplace_back(canonicalLabelKey(it.key()), value);
            }
        }
    }
    Load load;
    if (const Json *c = member(doc, "max_concurrency"))
        load.concurrency = loadNumber(*c);
    if (const Json *r = member(doc, "request_rate")) {
        if (r->is_string() && r->get<std::string>() == "trace")
            load.trace = true;
        else
            load.requestRate = loadNumber(*r);
    }
    std::string runId = text(member(doc, "date"));
    if (const Json *n = member(doc, "run_number"); sweep && n->is_number())
        runId += (runId.empty() ? "run " : " run ") + std::to_string(n->get<long long>());
    const std::uint32_t run = ctx.addRun(tool, labels, load, runId, line);
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (!it->is_number() || runInfo.count(it.key()) || sweptSetting(it.key()))
            continue;
        const std::string key = it.key() == "request_goodput:" ? "request_goodput" : it.key(); // old vLLM typo
        const double v = it->get<double>();
        std::smatch m;
        if (std::regex_match(key, m, statKey)) {
            const auto stat = canonicalStatistic(m[1].str());
            ctx.addValue(run, canonicalMetric(m[2].str()), stat ? *stat : m[1].str(), "ms", v, line);
            continue;
        }
        MetricDef def = canonicalMetric(key);
        if (key == "concurrency") // SGLang: Σlatency / duration, measured, not the load
            def = canonicalMetric("measured_concurrency");
        ctx.addValue(run, def, "value", def.quantity == Quantity::Time ? "s" : "", v, line);
    }
}

// LLMPerf (ray-project/llmperf token_benchmark_ray) summary: results_<metric>_<unit>_<statistic>,
// units only in the names (s, token_per_s), quantiles as results_<metric>_s_quantiles_p99, some
// counts as strings. Its inter-token latency is per request (e2e latency / output tokens), so it
// includes the first token, unlike vLLM's (formats in docs/benchmarks.md).
void importLlmPerf(ImportContext &ctx, const Json &doc, std::uint64_t line)
{
    static const std::regex key(R"(results_(.+?)(?:_(s|token_per_s))?_(quantiles_p\d+(?:\.\d+)?|mean|min|max|stddev))");
    static const std::map<std::string, std::string> names = {
        {"inter_token_latency", "itl"},
        {"ttft", "ttft"},
        {"end_to_end_latency", "e2e_latency"},
        {"request_output_throughput", "output_throughput_per_user"},
        {"number_input_tokens", "input_tokens"},
        {"number_output_tokens", "output_tokens"},
    };
    LabelPairs labels;
    if (const std::string model = text(member(doc, "model")); !model.empty())
        labels.emplace_back("model", model);
    Load load;
    if (const Json *c = member(doc, "num_concurrent_requests"))
        load.concurrency = loadNumber(*c);
    const std::uint32_t run = ctx.addRun(Tool::LlmPerf, labels, load, text(member(doc, "name")), line);
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const double v = loadNumber(*it);
        if (std::isnan(v))
            continue;
        std::smatch m;
        const std::string &k = it.key();
        if (std::regex_match(k, m, key)) {
            const auto named = names.find(m[1].str());
            const MetricDef def = canonicalMetric(named != names.end() ? named->second : m[1].str());
            std::string stat = m[3].str();
            if (stat.rfind("quantiles_", 0) == 0)
                stat = stat.substr(10);
            const auto canonical = canonicalStatistic(stat == "stddev" ? "std" : stat);
            const std::string unit = m[2] == "s" ? "s" : m[2] == "token_per_s" ? "tokens/s" : "";
            ctx.addValue(run, def, canonical ? *canonical : stat, unit, v, line);
        } else if (k == "results_mean_output_throughput_token_per_s") {
            ctx.addValue(run, canonicalMetric("output_throughput"), "value", "tokens/s", v, line);
        } else if (k == "results_num_completed_requests") {
            ctx.addValue(run, canonicalMetric("requests_completed"), "value", "", v, line);
        } else if (k == "results_number_errors") {
            ctx.addValue(run, canonicalMetric("requests_failed"), "value", "", v, line);
        } else if (k == "results_num_requests_started") {
            ctx.addValue(run, canonicalMetric("request_count"), "value", "", v, line);
        } else if (k == "results_num_completed_requests_per_min") {
            ctx.addValue(run, canonicalMetric("request_throughput"), "value", "requests/s", v / 60.0, line);
        } else if (k == "results_error_rate") {
            ctx.addValue(run, canonicalMetric("error_rate"), "value", "", v, line);
        }
    }
}

// GenAI-Perf / AIPerf: {metric: {unit, avg, p50, …}}; units come from the metric (formats.md §3 2.1).
void importGenAiPerfJson(ImportContext &ctx, const Json &doc, Tool tool, std::uint64_t line)
{
    Load load;
    LabelPairs labels;
    if (const Json *cfg = member(doc, "input_config")) {
        // AIPerf 0.10+: the load of the measured phase (a warm-up phase is excluded from results).
        if (const Json *phases = member(*cfg, "phases"); phases && phases->is_array()) {
            for (const Json &phase : *phases) {
                if (!phase.is_object() || phase.value("exclude_from_results", false) || text(member(phase, "name")) == "warmup")
                    continue;
                if (const Json *c = member(phase, "concurrency"); c && c->is_number())
                    load.concurrency = c->get<double>();
                if (const Json *r = member(phase, "request_rate"); r && r->is_number())
                    load.requestRate = r->get<double>();
                break;
            }
        }
        // Earlier versions: the concurrency or rate may sit at any depth of input_config.
        std::function<void(const Json &)> walk = [&](const Json &j) {
            if (!j.is_object())
                return;
            for (auto it = j.begin(); it != j.end(); ++it) {
                if (it.key() == "concurrency" && !load.hasConcurrency() && it->is_number())
                    load.concurrency = it->get<double>();
                else if (it.key() == "request_rate" && !load.hasRequestRate() && it->is_number())
                    load.requestRate = it->get<double>();
                else if (it.key() != "phases")
                    walk(*it);
            }
        };
        walk(*cfg);
        // The model: AIPerf models.items[].name, GenAI-Perf model_names[] (or a plain model).
        std::string model;
        if (const Json *models = member(*cfg, "models"); models && models->is_object()) {
            if (const Json *items = member(*models, "items"); items && items->is_array() && !items->empty())
                model = text(member((*items)[0], "name"));
        }
        for (const char *key : {"model_names", "models", "model"}) {
            const Json *m = model.empty() ? member(*cfg, key) : nullptr;
            if (m && m->is_array() && !m->empty() && (*m)[0].is_string())
                model = (*m)[0].get<std::string>();
            else if (m && m->is_string())
                model = m->get<std::string>();
        }
        if (!model.empty())
            labels.emplace_back("model", model);
    }
    const std::uint32_t run = ctx.addRun(tool, labels, load, {}, line);
    // AIPerf lists errors by kind ({error_details, count}); their sum is the failed requests when
    // the file has no error_request_count (AIPerf writes that metric only when a request failed).
    if (const Json *errors = member(doc, "error_summary"); errors && errors->is_array() && !errors->empty()
                                                            && !doc.contains("error_request_count")) {
        double failed = 0;
        for (const Json &e : *errors)
            if (const Json *n = member(e, "count"); n && n->is_number())
                failed += n->get<double>();
        ctx.addValue(run, canonicalMetric("requests_failed"), "value", "", failed, line);
    }
    // GenAI-Perf's JSON of a run without streaming still carries the streaming metrics, copied from
    // the request latency (its CSV and console leave them out): they measure nothing.
    bool streaming = true;
    if (const Json *cfg = member(doc, "input_config"))
        if (const Json *endpoint = member(*cfg, "endpoint"))
            if (const Json *st = member(*endpoint, "streaming"); st && st->is_boolean())
                streaming = st->get<bool>();
    static const std::set<std::string> streamingOnly = {"ttft", "ttst", "itl", "output_throughput_per_user"};
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        if (!isGenAiPerfStat(*it))
            continue;
        const MetricDef def = perfAnalyzerMetric(it.key());
        if (!streaming && streamingOnly.count(def.name))
            continue;
        // Only time units are trustworthy: one GenAI-Perf revision labels every other metric "requests/sec".
        const std::string unit = def.quantity == Quantity::Time ? text(member(*it, "unit")) : std::string();
        for (auto s = it->begin(); s != it->end(); ++s) {
            if (!s->is_number() || s.key() == "count" || s.key() == "sum")
                continue;
            const auto stat = canonicalStatistic(s.key());
            ctx.addValue(run, def, stat ? *stat : s.key(), unit, s->get<double>(), line);
        }
    }
}

// A GuideLLM distribution: mean, median, std_dev, min, max and percentiles p001 … p999.
void guideDistribution(ImportContext &ctx, std::uint32_t run, const MetricDef &def, const std::string &unit, const Json &dist)
{
    const Json *ok = member(dist, "successful");
    if (!ok || !ok->is_object())
        return;
    if (const Json *count = member(*ok, "count"); count && count->is_number() && count->get<double>() == 0)
        return; // zero-count distributions are all zeros, not data
    for (const char *k : {"mean", "median", "std_dev", "min", "max"})
        if (const Json *v = member(*ok, k); v && v->is_number())
            ctx.addValue(run, def, std::string(k) == "std_dev" ? "std" : k, unit, v->get<double>());
    if (const Json *p = member(*ok, "percentiles"); p && p->is_object()) {
        for (auto it = p->begin(); it != p->end(); ++it) {
            if (!it->is_number())
                continue;
            // p001 = 0.1th, p01 = 1st, p999 = 99.9th: GuideLLM drops the decimal point.
            std::string k = it.key();
            std::string stat = k;
            if (k == "p001")
                stat = "p0.1";
            else if (k == "p01")
                stat = "p1";
            else if (k == "p05")
                stat = "p5";
            else if (k == "p999")
                stat = "p99.9";
            const auto canon = canonicalStatistic(stat);
            if (canon == "median" && ok->contains("median"))
                continue; // p50 repeats the median
            ctx.addValue(run, def, canon ? *canon : stat, unit, it->get<double>());
        }
    }
}

void importGuideTotals(ImportContext &ctx, std::uint32_t run, const Json &totals)
{
    for (const auto &[field, metric] : {std::pair{"successful", "requests_completed"}, std::pair{"errored", "requests_failed"},
                                        std::pair{"incomplete", "requests_incomplete"}, std::pair{"total", "request_count"}})
        if (const Json *v = member(totals, field); v && v->is_number())
            ctx.addValue(run, MetricDef{metric, Quantity::Count, true}, "value", "count", v->get<double>());
}

void importGuideLlm(ImportContext &ctx, const Json &doc)
{
    // The version picks the methodology label: 0.4+ reports name it in metadata; the flat v0.3
    // report names none, but its shape (args and run_stats, no config) is its own.
    const Json *metadata = member(doc, "metadata");
    const std::string version = metadata ? text(member(*metadata, "guidellm_version")) : std::string();
    for (const Json &b : doc["benchmarks"]) {
        if (!b.is_object())
            continue;
        const Json *config = member(b, "config");
        ctx.toolVersion = !version.empty() ? version : !config && member(b, "args") ? "0.3" : "";
        const Json *strategy = config ? member(*config, "strategy") : nullptr;
        if (!strategy) // v0.3: args.strategy
            if (const Json *args = member(b, "args"))
                strategy = member(*args, "strategy");
        const std::string type = strategy ? text(member(*strategy, "type_")) : std::string();
        Load load;
        if (type == "synchronous")
            load.concurrency = 1;
        else if (type == "throughput")
            load.requestRate = std::numeric_limits<double>::infinity();
        else if (type == "concurrent" && strategy)
            load.concurrency = loadNumber(strategy->value("streams", Json()));
        else if ((type == "constant" || type == "poisson") && strategy)
            load.requestRate = loadNumber(strategy->value("rate", Json()));
        else if (type == "trace")
            load.trace = true;
        LabelPairs labels;
        if (!type.empty())
            labels.emplace_back("strategy", type);
        // The model: config.backend.model (0.5), worker.backend_model (0.3), the file's args.model.
        std::string model;
        if (const Json *backend = config ? member(*config, "backend") : nullptr)
            model = text(member(*backend, "model"));
        if (const Json *worker = member(b, "worker"); model.empty() && worker)
            model = text(member(*worker, "backend_model"));
        if (const Json *args = member(doc, "args"); model.empty() && args)
            model = text(member(*args, "model"));
        if (!model.empty())
            labels.emplace_back("model", model);
        std::string id = text(config ? member(*config, "id_") : member(b, "id_"));
        const std::uint32_t run = ctx.addRun(Tool::GuideLlm, labels, load, id, 0);
        if (const Json *duration = member(b, "duration"); duration && duration->is_number()) // v0.3 and 0.6: seconds
            ctx.addValue(run, canonicalMetric("duration"), "value", "s", duration->get<double>());
        const Json *metrics = member(b, "metrics");
        if (!metrics)
            continue;
        // v0.3 keeps request_totals next to metrics, v2 inside it.
        if (const Json *totals = member(b, "request_totals"); totals && !metrics->contains("request_totals"))
            importGuideTotals(ctx, run, *totals);
        for (auto it = metrics->begin(); it != metrics->end(); ++it) {
            const std::string &key = it.key();
            if (key == "request_totals") {
                importGuideTotals(ctx, run, *it);
                continue;
            }
            if (!it->is_object() || !it->contains("successful"))
                continue;
            std::string name = key;
            std::string unit;
            if (name.size() > 3 && name.compare(name.size() - 3, 3, "_ms") == 0) {
                name.resize(name.size() - 3);
                unit = "ms";
            } else if (name == "request_latency") {
                unit = "s"; // the one latency GuideLLM writes in seconds
            }
            const MetricDef def = canonicalMetric(name);
            if (def.quantity == Quantity::Tokens)
                unit = "tokens";
            else if (def.quantity == Quantity::TokenRate)
                unit = "tokens/s";
            else if (def.quantity == Quantity::RequestRate)
                unit = "requests/s";
            guideDistribution(ctx, run, def, unit, *it);
        }
    }
}

// genai-bench "aggregated_metrics". Latencies (ttft, tpot, e2e_latency, output_latency) are in
// the file's `_time_unit` ("s" unless run with --metrics-time-unit ms); the rest in seconds.
void importGenAiBenchMetrics(ImportContext &ctx, const Json &agg, Tool tool, const LabelPairs &labels, const std::string &runId,
                             std::uint64_t line, const std::string &latencyUnit = "s")
{
    Load load;
    if (const Json *c = member(agg, "num_concurrency"))
        load.concurrency = loadNumber(*c);
    LabelPairs all = labels;
    if (const Json *s = member(agg, "scenario"))
        mergeLabels(all, {{"scenario", text(s)}});
    const std::uint32_t run = ctx.addRun(tool, all, load, runId, line);
    static const std::pair<const char *, const char *> flat[] = {
        {"mean_output_throughput_tokens_per_s", "output_throughput"},
        {"mean_input_throughput_tokens_per_s", "input_throughput"},
        {"mean_total_tokens_throughput_tokens_per_s", "total_throughput"},
        {"requests_per_second", "request_throughput"},
        {"error_rate", "error_rate"},
        {"num_error_requests", "requests_failed"},
        {"num_completed_requests", "requests_completed"},
        {"num_requests", "request_count"},
        {"run_duration", "duration"},
        {"mean_output_throughput_per_gpu", "output_throughput_per_gpu"},
        {"mean_total_throughput_per_gpu", "total_throughput_per_gpu"},
    };
    for (const auto &[key, metric] : flat)
        if (const Json *v = member(agg, key); v && v->is_number()) {
            const MetricDef def = canonicalMetric(metric);
            ctx.addValue(run, def, "value", def.quantity == Quantity::Time ? "s" : "", v->get<double>(), line);
        }
    const Json *stats = member(agg, "stats");
    if (!stats || !stats->is_object())
        return;
    struct StatMap
    {
        const char *key;
        MetricDef def;
        const char *unit;
    };
    static const StatMap map[] = {
        {"ttft", {"ttft", Quantity::Time, true}, nullptr}, // nullptr: the file's latency unit
        {"tpot", {"tpot", Quantity::Time, true}, nullptr},
        {"e2e_latency", {"e2e_latency", Quantity::Time, true}, nullptr},
        {"output_latency", {"output_latency", Quantity::Time, true}, nullptr},
        {"output_inference_speed", {"output_throughput_per_user", Quantity::TokenRate, true}, "tokens/s"},
        {"num_input_tokens", {"input_tokens", Quantity::Tokens, true}, "tokens"},
        {"num_output_tokens", {"output_tokens", Quantity::Tokens, true}, "tokens"},
        {"total_tokens", {"total_tokens", Quantity::Tokens, true}, "tokens"},
        {"input_throughput", {"input_throughput_per_request", Quantity::TokenRate, true}, "tokens/s"},
        {"output_throughput", {"output_throughput_per_request", Quantity::TokenRate, true}, "tokens/s"},
    };
    for (const StatMap &s : map) {
        const Json *st = member(*stats, s.key);
        if (!st || !st->is_object())
            continue;
        for (auto it = st->begin(); it != st->end(); ++it) {
            if (!it->is_number() || it.key() == "sum")
                continue;
            const auto stat = canonicalStatistic(it.key() == "stddev" ? "std" : it.key());
            if (stat)
                ctx.addValue(run, s.def, *stat, s.unit ? s.unit : latencyUnit, it->get<double>(), line);
        }
    }
}

// genai-bench keeps an experiment's settings in experiment_metadata.json beside its run files; a
// fork also writes the model into each run file's name ("D100_100_text-to-text_zai-org_GLM-4.6_
// num_concurrency_1_time_120s.json": the scenario, the task, the model with '/' and ',' written as
// '_', the load). The metadata wins; from a file name the model's first '_' is taken for the '/'.
LabelPairs genAiBenchLabels(const std::filesystem::path &runFile)
{
    LabelPairs labels;
    std::error_code ec;
    const std::filesystem::path metaPath = runFile.parent_path() / "experiment_metadata.json";
    if (std::filesystem::is_regular_file(metaPath, ec) && std::filesystem::file_size(metaPath, ec) < (1u << 20) && !ec) {
        std::ifstream in(metaPath, std::ios::binary);
        const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        Diagnostic error;
        if (const std::optional<Json> meta = parseLenient(content, error); meta && meta->is_object()) {
            for (const char *key : {"api_model_name", "server_model_tokenizer", "model"})
                if (std::string model = text(member(*meta, key)); !model.empty()) {
                    labels.emplace_back("model", std::move(model));
                    break;
                }
            mergeLabels(labels, labelsFromText(text(member(*meta, "server_engine")))); // "SGLang" → engine=sglang
            if (std::string version = text(member(*meta, "server_version")); !version.empty())
                mergeLabels(labels, {{"engine_version", version[0] == 'v' ? version.substr(1) : version}});
            if (std::string gpu = text(member(*meta, "server_gpu_type")); !gpu.empty())
                mergeLabels(labels, {{"gpu", asciiLower(gpu)}});
            if (std::string count = text(member(*meta, "server_gpu_count")); !count.empty())
                mergeLabels(labels, {{"gpu_count", count}});
        }
    }
    static const std::regex name(R"(.*?_(?:[a-z]+-)*to-[a-z]+_(.+?)_(?:num_concurrency|batch_size)_\d+.*)");
    std::smatch m;
    const std::string stem = runFile.stem().string();
    if (std::regex_match(stem, m, name)) {
        std::string model = m[1].str();
        if (const auto underscore = model.find('_'); underscore != std::string::npos)
            model[underscore] = '/';
        mergeLabels(labels, {{"model", model}});
    }
    return labels;
}

double maxMemoryMb(const Json &j)
{
    double best = std::numeric_limits<double>::quiet_NaN();
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            double v = it.key() == "memory_used_mb" && it->is_number() ? it->get<double>() : maxMemoryMb(*it);
            if (!std::isnan(v) && (std::isnan(best) || v > best))
                best = v;
        }
    } else if (j.is_array()) {
        for (const Json &e : j) {
            const double v = maxMemoryMb(e);
            if (!std::isnan(v) && (std::isnan(best) || v > best))
                best = v;
        }
    }
    return best;
}

void importAutotunerExperiment(ImportContext &ctx, const Json &exp, const std::string &task)
{
    LabelPairs labels;
    if (const Json *params = member(exp, "parameters"); params && params->is_object())
        for (auto it = params->begin(); it != params->end(); ++it)
            if (!it->is_structured() && !it->is_null())
                labels.emplace_back(canonicalLabelKey(it.key()), text(&*it));
    if (const Json *status = member(exp, "status")) {
        // "failed" with the reason, as markFailedRuns() writes it, so every tool's failures read alike.
        std::string value = text(status);
        if (value == "failed")
            if (const std::string why = text(member(exp, "error_message")); !why.empty())
                value += ": " + why;
        labels.emplace_back("status", value);
    }
    if (!task.empty())
        labels.emplace_back("task", task);
    const std::string id = "experiment " + text(member(exp, "experiment_id"));
    const Json *metrics = member(exp, "metrics");
    // Per load level: genai-bench aggregated metrics kept under raw_results.
    if (const Json *raw = metrics ? member(*metrics, "raw_results") : nullptr; raw && raw->is_array())
        for (const Json &level : *raw)
            if (level.is_object())
                importGenAiBenchMetrics(ctx, level.contains("aggregated_metrics") ? level["aggregated_metrics"] : level,
                                        Tool::Autotuner, labels, id, 0);
    // The experiment's aggregate over load levels ("mean_ttft", "p90_e2e_latency", … in seconds).
    const std::uint32_t run = ctx.addRun(Tool::Autotuner, labels, Load{}, id, 0);
    if (metrics) {
        for (auto it = metrics->begin(); it != metrics->end(); ++it) {
            if (!it->is_number())
                continue;
            const ColumnMeaning m = parseColumnName(it.key());
            ctx.addValue(run, m.metric, m.statistic.empty() ? "value" : m.statistic,
                         m.unit.empty() && m.metric.quantity == Quantity::Time ? "s" : m.unit, it->get<double>());
        }
    }
    if (const Json *score = member(exp, "objective_score"); score && score->is_number())
        ctx.addValue(run, MetricDef{"objective_score", Quantity::Other, true}, "value", "", score->get<double>());
    if (const Json *gpu = member(exp, "gpu_monitoring")) {
        const double mb = maxMemoryMb(*gpu);
        if (!std::isnan(mb))
            ctx.addValue(run, canonicalMetric("gpu_memory_used"), "max", "MiB", mb); // nvidia-smi reports MiB
    }
}

} // namespace

Format detectJsonFormat(const Json &doc)
{
    if (!doc.is_object())
        return Format::Unknown;
    if (doc.contains("benchmarks") && doc["benchmarks"].is_array())
        return Format::GuideLlmJson;
    if (doc.contains("aggregated_metrics"))
        return Format::GenAiBenchJson;
    if (doc.contains("all_results") || doc.contains("best_result") || (doc.contains("experiment_id") && doc.contains("parameters")))
        return Format::AutotunerJson;
    if (doc.contains("results_ttft_s_mean") || doc.contains("results_end_to_end_latency_s_mean"))
        return Format::LlmPerfJson;
    bool stats = false;
    for (auto it = doc.begin(); it != doc.end() && !stats; ++it)
        stats = isGenAiPerfStat(*it);
    if (stats)
        return doc.contains("start_time") || doc.contains("end_time") ? Format::AiPerfJson : Format::GenAiPerfJson;
    if (hasKeyEnding(doc, "_ttft_ms") || hasKeyEnding(doc, "_e2e_latency_ms") || hasKeyEnding(doc, "_e2el_ms")
        || hasKeyEnding(doc, "_itl_ms")) {
        if (doc.contains("total_output_tokens_retokenized") || doc.contains("total_output_retokenized")
            || doc.contains("accept_length") || hasKeyEnding(doc, "_e2e_latency_ms"))
            return Format::SglangJsonl;
        return Format::VllmJson;
    }
    return Format::Unknown;
}

void importJsonDocument(ImportContext &ctx, const Json &doc, Format format, std::uint64_t line)
{
    switch (format) {
    case Format::VllmJson: importServeBench(ctx, doc, Tool::Vllm, line); break;
    case Format::SglangJsonl: importServeBench(ctx, doc, Tool::Sglang, line); break;
    case Format::GenAiPerfJson: importGenAiPerfJson(ctx, doc, Tool::GenAiPerf, line); break;
    case Format::AiPerfJson: importGenAiPerfJson(ctx, doc, Tool::AiPerf, line); break;
    case Format::GuideLlmJson: importGuideLlm(ctx, doc); break;
    case Format::LlmPerfJson: importLlmPerf(ctx, doc, line); break;
    case Format::GenAiBenchJson: {
        const std::string unit = text(member(doc, "_time_unit"));
        importGenAiBenchMetrics(ctx, doc["aggregated_metrics"], Tool::GenAiBench, genAiBenchLabels(ctx.path), {}, line,
                                unit.empty() ? "s" : unit);
        break;
    }
    case Format::AutotunerJson: {
        const std::string task = text(member(doc, "task_name"));
        if (const Json *all = member(doc, "all_results"); all && all->is_array()) {
            for (const Json &exp : *all)
                importAutotunerExperiment(ctx, exp, task);
        } else if (doc.contains("experiment_id")) {
            importAutotunerExperiment(ctx, doc, task);
        } else if (const Json *best = member(doc, "best_result")) {
            importAutotunerExperiment(ctx, *best, task);
        }
        break;
    }
    default: break;
    }
}

} // namespace quantcfg::bench
