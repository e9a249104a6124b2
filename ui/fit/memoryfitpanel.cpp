#include "ui/fit/memoryfitpanel.h"

#include "ui/state/configdocument.h"
#include "ui/config/diagnosticsmodel.h"
#include "ui/fit/fitbar.h"
#include "ui/shared/counts.h"
#include "ui/state/studiosession.h"

#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace quantcfg::ui {

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

QString gib(double bytes)
{
    return QObject::tr("%1 GiB").arg(bytes / kGiB, 0, 'f', 2);
}

QString count(long long n)
{
    return QLocale().toString(n);
}

// 8030261248 → "8.03 B"
QString billions(long long n)
{
    return n >= 1'000'000'000 ? QObject::tr("%1 B").arg(static_cast<double>(n) / 1e9, 0, 'f', 2)
                              : QObject::tr("%1 M").arg(static_cast<double>(n) / 1e6, 0, 'f', 1);
}

// The memory fraction as the spin box shows it (two decimals), so that writing it and reading it
// back compare equal.
double roundedFraction(double value)
{
    return std::round(value * 100.0) / 100.0;
}

} // namespace

MemoryFitPanel::MemoryFitPanel(ConfigDocument *document, StudioSession *session, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_session(session)
    , m_pathEdit(new QLineEdit(this))
    , m_sourceLabel(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_length(new QSpinBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_utilization(new QDoubleSpinBox(this))
    , m_targetLabel(new QLabel(this))
    , m_useConfigModel(new QPushButton(tr("Use the configuration'&s model"), this))
    , m_useGpus(new QPushButton(this))
    , m_writeLength(new QPushButton(this))
    , m_writeFraction(new QPushButton(this))
    , m_bar(new FitBar(this))
    , m_diagnostics(new DiagnosticsModel(this))
    , m_diagnosticsView(new QTreeView(this))
{
    setObjectName(QStringLiteral("MemoryFitPanel"));
    m_pathEdit->setObjectName(QStringLiteral("FitModelPath"));
    m_bar->setObjectName(QStringLiteral("FitBar"));
    m_pathEdit->setPlaceholderText(tr("Path of a model folder or its config.json; Enter fits it"));
    m_pathEdit->setAccessibleName(tr("Model"));
    m_pathEdit->setClearButtonEnabled(true);
    m_sourceLabel->setObjectName(QStringLiteral("FitModelSource"));
    m_sourceLabel->setWordWrap(true);
    m_notice->setObjectName(QStringLiteral("FitNotice"));
    m_notice->setWordWrap(true);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setMargin(6);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->hide();
    auto *fileButton = new QPushButton(tr("config.&json…"), this);
    auto *folderButton = new QPushButton(tr("Model f&older…"), this);
    connect(fileButton, &QPushButton::clicked, this, [this] { chooseModel(false); });
    connect(folderButton, &QPushButton::clicked, this, [this] { chooseModel(true); });
    // Typing a path fits it when Enter is pressed or the field is left; passing through the field
    // without typing does nothing.
    connect(m_pathEdit, &QLineEdit::editingFinished, this, [this] {
        if (!m_pathEdit->isModified())
            return;
        m_pathEdit->setModified(false);
        const QString text = m_pathEdit->text().trimmed();
        if (!text.isEmpty())
            loadModel(text);
    });
    m_useConfigModel->setObjectName(QStringLiteral("FitUseConfigModel"));
    connect(m_useConfigModel, &QPushButton::clicked, this, &MemoryFitPanel::useConfigurationModel);

    m_length->setObjectName(QStringLiteral("FitLength"));
    m_concurrency->setObjectName(QStringLiteral("FitConcurrency"));
    m_utilization->setObjectName(QStringLiteral("FitMemoryUtilization"));
    m_length->setRange(0, 10'000'000);
    m_length->setSingleStep(1024);
    m_length->setSpecialValueText(tr("model maximum"));
    m_length->setAccessibleName(tr("Sequence length"));
    m_concurrency->setRange(1, 100'000);
    m_concurrency->setAccessibleName(tr("Concurrent sequences"));
    m_utilization->setRange(0.05, 1.0);
    m_utilization->setSingleStep(0.05);
    m_utilization->setAccessibleName(tr("GPU memory utilization"));
    syncServingOptions(true); // the configuration's length and fraction, or the defaults
    for (auto *spin : {m_length, m_concurrency})
        connect(spin, &QSpinBox::valueChanged, this, &MemoryFitPanel::recompute);
    connect(m_utilization, &QDoubleSpinBox::valueChanged, this, &MemoryFitPanel::recompute);
    connect(m_document, &ConfigDocument::changed, this, &MemoryFitPanel::onDocumentChanged);
    connect(m_session, &StudioSession::targetGpuChanged, this, &MemoryFitPanel::recompute);

    // Each writes one setting into the configuration, as an undo step of its own.
    m_useGpus->setObjectName(QStringLiteral("FitUseFewestGpus"));
    m_writeLength->setObjectName(QStringLiteral("FitWriteMaxLength"));
    m_writeFraction->setObjectName(QStringLiteral("FitWriteMemoryFraction"));
    connect(m_useGpus, &QPushButton::clicked, this, [this] {
        if (m_estimate && m_estimate->fewestTensorParallel)
            m_document->setValueAsStep("/parallelism/tensor_parallel_size", Json(*m_estimate->fewestTensorParallel),
                                       tr("Use tensor parallel %1 from the memory fit").arg(*m_estimate->fewestTensorParallel));
    });
    connect(m_writeLength, &QPushButton::clicked, this, [this] {
        if (m_estimate && m_estimate->maxFittingLength > 0)
            m_document->setValueAsStep("/serving/max_model_len", Json(m_estimate->maxFittingLength),
                                       tr("Set max model length %1 from the memory fit").arg(m_estimate->maxFittingLength));
    });
    connect(m_writeFraction, &QPushButton::clicked, this, [this] {
        const double fraction = roundedFraction(m_utilization->value());
        m_document->setValueAsStep("/serving/gpu_memory_utilization", Json(fraction),
                                   tr("Set GPU memory fraction %1 from the memory fit").arg(fraction));
    });

    auto *modelRow = new QHBoxLayout;
    auto *modelLabel = new QLabel(tr("Mo&del:"), this);
    modelLabel->setBuddy(m_pathEdit);
    modelRow->addWidget(modelLabel);
    modelRow->addWidget(m_pathEdit, 1);
    modelRow->addWidget(fileButton);
    modelRow->addWidget(folderButton);
    modelRow->addWidget(m_useConfigModel);

    auto *options = new QHBoxLayout;
    const auto addOption = [&](const QString &text, QWidget *w) {
        auto *label = new QLabel(text, this);
        label->setBuddy(w);
        options->addWidget(label);
        options->addWidget(w);
        options->addSpacing(12);
    };
    addOption(tr("Sequence &length:"), m_length);
    addOption(tr("&Concurrent sequences:"), m_concurrency);
    addOption(tr("GPU memory &utilization:"), m_utilization);
    options->addStretch(1);
    options->addWidget(m_targetLabel);

    auto *form = new QFormLayout;
    const std::pair<Figure, QString> rows[] = {
        {Figure::Model, tr("Model")},
        {Figure::Parameters, tr("Parameters")},
        {Figure::WeightFormat, tr("Weight format")},
        {Figure::Gpus, tr("GPUs")},
        {Figure::WeightsPerGpu, tr("Weights per GPU")},
        {Figure::KvPerToken, tr("KV cache per token")},
        {Figure::KvCapacity, tr("KV capacity")},
        {Figure::MaxConcurrency, tr("Max concurrency")},
        {Figure::LongestLength, tr("Longest length that fits")},
        {Figure::FewestGpus, tr("Fewest GPUs that fit")},
        {Figure::Verdict, tr("Verdict")},
    };
    for (const auto &[figure, name] : rows) {
        auto *value = new QLabel(QStringLiteral("—"), this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setAccessibleName(name);
        form->addRow(tr("%1:").arg(name), value);
        m_figures[figure] = value;
    }

    auto *writeRow = new QHBoxLayout;
    writeRow->addWidget(new QLabel(tr("Write into the configuration:"), this));
    writeRow->addWidget(m_useGpus);
    writeRow->addWidget(m_writeLength);
    writeRow->addWidget(m_writeFraction);
    writeRow->addStretch(1);

    m_diagnostics->attachView(m_diagnosticsView);
    m_diagnosticsView->setAccessibleName(tr("Fit and checkpoint findings"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(modelRow);
    layout->addWidget(m_sourceLabel);
    layout->addWidget(m_notice);
    layout->addLayout(options);
    layout->addLayout(form);
    layout->addLayout(writeRow);
    layout->addWidget(m_bar);
    layout->addWidget(new QLabel(tr("Findings (memory fit and the checkpoint's quantization metadata):"), this));
    layout->addWidget(m_diagnosticsView, 1);
    followConfiguration();
}

void MemoryFitPanel::chooseModel(bool folder)
{
    const QString path = folder ? QFileDialog::getExistingDirectory(this, tr("Model Folder"))
                                : QFileDialog::getOpenFileName(this, tr("Model config.json"), {}, tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        loadModel(path);
}

void MemoryFitPanel::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void MemoryFitPanel::restoreModel(const QString &path)
{
    if (path.isEmpty() || (m_source == Source::Configuration && m_shape))
        return; // the configuration's own model comes first
    if (!QFileInfo::exists(path)) {
        // Kept in the settings: the folder may be on a disk that is not mounted right now.
        showNotice(tr("The model used last time, %1, no longer exists. Type the path of its folder or config.json above, or choose it with "
                      "config.json… or Model folder….")
                       .arg(QDir::toNativeSeparators(path)));
        return;
    }
    loadModel(path);
}

QString MemoryFitPanel::notice() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

bool MemoryFitPanel::loadModel(const QString &path)
{
    m_source = Source::Chosen;
    const bool ok = readModel(path);
    if (ok) {
        emit message(tr("Loaded %1").arg(path));
        emit modelLoaded(QFileInfo(path).absoluteFilePath());
    } else {
        // Say why in the notice too: the findings list is below the figures, the field is here.
        QString why = tr("it is not a model folder or config.json quantcfg can read");
        if (!QFileInfo::exists(path)) {
            why = locateModel(path.toStdString()).kind == ModelLocation::Kind::HubId
                      ? tr("it is a Hugging Face id, and the studio cannot look hub models up offline yet; type the path of a local copy")
                      : tr("no such file or folder");
        } else {
            for (const Diagnostic &d : m_modelDiagnostics) {
                if (d.severity == Severity::Error) {
                    why = QString::fromStdString(d.message);
                    break;
                }
            }
        }
        showNotice(tr("Cannot fit %1: %2.").arg(QDir::toNativeSeparators(path), why));
    }
    recompute();
    return ok;
}

// Reads the model at @p path into the panel (shape, checkpoint metadata, their findings).
bool MemoryFitPanel::readModel(const QString &path)
{
    showNotice({});
    m_path = path;
    m_pathEdit->setText(path);
    const std::filesystem::path p = path.toStdString();
    ModelShapeResult shape = loadModelShape(p);
    m_shape = shape.shape;
    m_modelDiagnostics = std::move(shape.diagnostics);
    CheckpointInfo checkpoint = readCheckpoint(p);
    m_checkpoint = checkpoint.quantization;
    m_modelDiagnostics.insert(m_modelDiagnostics.end(), checkpoint.diagnostics.begin(), checkpoint.diagnostics.end());
    return m_shape.has_value();
}

void MemoryFitPanel::useConfigurationModel()
{
    m_source = Source::Configuration;
    followConfiguration();
}

// Fits the configuration's model when it is on this machine; says why not when it is not.
void MemoryFitPanel::followConfiguration()
{
    const Config &config = m_document->config();
    m_followedModel = config.modelOrDefault();
    if (m_source != Source::Configuration) {
        recompute();
        return;
    }
    const QString model = QString::fromStdString(m_followedModel);
    const QString file = m_document->filePath();
    const std::filesystem::path base = file.isEmpty() ? std::filesystem::path()
                                                      : std::filesystem::path(QFileInfo(file).absolutePath().toStdString());
    const ModelLocation where = locateModel(m_followedModel, base);
    if (where.kind == ModelLocation::Kind::Local) {
        if (!readModel(QString::fromStdString(where.path.string())))
            showNotice(
                tr("The configuration's model, %1, is not a model folder or config.json quantcfg can read (the findings say why). Type "
                   "another path above, or choose one with config.json… or Model folder….")
                    .arg(QDir::toNativeSeparators(model)));
    } else {
        m_path.clear();
        m_shape.reset();
        m_checkpoint.reset();
        m_modelDiagnostics.clear();
        m_pathEdit->setText(model);
        showNotice(
            where.kind == ModelLocation::Kind::HubId
                ? tr("The configuration's model, %1, is a Hugging Face id: the studio cannot look hub models up offline yet. Type the "
                     "path of a local copy (its folder or config.json) above, or choose it with config.json… or Model folder….")
                      .arg(model)
                : tr("The configuration's model, %1, is not on this machine. Type the path of its folder or config.json above, or "
                     "choose it with config.json… or Model folder….")
                      .arg(QDir::toNativeSeparators(model)));
    }
    recompute();
}

void MemoryFitPanel::onDocumentChanged()
{
    syncServingOptions(false);
    // A new model in the configuration is fitted again, even after one was chosen here.
    if (m_document->config().modelOrDefault() != m_followedModel) {
        m_source = Source::Configuration;
        followConfiguration();
        return;
    }
    recompute();
}

// The length and fraction start from the configuration's serving section and follow its changes;
// a value chosen here stays until the configuration's own value changes.
void MemoryFitPanel::syncServingOptions(bool initial)
{
    const ServingSettings &s = m_document->config().serving;
    const FitOptions wanted = fitOptionsFor(m_document->config());
    if (initial || s.maxModelLen != m_servedLength) {
        const QSignalBlocker block(m_length);
        m_length->setValue(static_cast<int>(std::min<long long>(wanted.maxLen.value_or(0), m_length->maximum())));
    }
    if (initial || s.gpuMemoryUtilization != m_servedFraction) {
        const QSignalBlocker block(m_utilization);
        m_utilization->setValue(wanted.gpuMemoryUtilization);
    }
    m_servedLength = s.maxModelLen;
    m_servedFraction = s.gpuMemoryUtilization;
}

void MemoryFitPanel::setLength(long long length)
{
    m_length->setValue(static_cast<int>(length));
}

void MemoryFitPanel::setConcurrency(long long concurrency)
{
    m_concurrency->setValue(static_cast<int>(concurrency));
}

void MemoryFitPanel::setFigure(Figure figure, const QString &text)
{
    m_figures.at(figure)->setText(text);
}

QString MemoryFitPanel::valueText(Figure figure) const
{
    return m_figures.at(figure)->text();
}

// The buttons say what they would write, and are enabled only when it would change the configuration.
void MemoryFitPanel::updateWriteButtons()
{
    const Config &config = m_document->config();
    const bool known = m_estimate && m_estimate->budgetBytes > 0;
    const std::optional<int> fewest = known ? m_estimate->fewestTensorParallel : std::nullopt;
    m_useGpus->setText(!fewest                       ? tr("Use fewest G&PUs")
                       : m_estimate->fewestGpus == 1 ? tr("Use 1 G&PU")
                                                     : tr("Use %1 G&PUs").arg(m_estimate->fewestGpus));
    m_useGpus->setEnabled(fewest && *fewest != config.parallelism.tp());
    m_useGpus->setToolTip(
        fewest ? tr("Set tensor_parallel_size to %1: the fewest GPUs on which the weights and the sequences fit").arg(*fewest)
               : tr("No number of GPUs fits (or the fit has no model or GPU memory yet)"));
    const long long longest = known ? m_estimate->maxFittingLength : 0;
    m_writeLength->setText(longest > 0 ? tr("Set ma&x model length %1").arg(count(longest)) : tr("Set ma&x model length"));
    m_writeLength->setEnabled(longest > 0 && config.serving.maxModelLen.value_or(0) != longest);
    m_writeLength->setToolTip(
        tr("Set serving.max_model_len (vLLM --max-model-len, SGLang --context-length, TensorRT-LLM --max_seq_len) to the "
           "longest length at which the chosen number of sequences fits"));
    const double fraction = roundedFraction(m_utilization->value());
    m_writeFraction->setText(tr("Set memory f&raction %1").arg(fraction));
    m_writeFraction->setEnabled(config.serving.gpuMemoryUtilization != fraction);
    m_writeFraction->setToolTip(tr("Set serving.gpu_memory_utilization to the GPU memory utilization chosen here"));
}

void MemoryFitPanel::recompute()
{
    const std::optional<GpuTarget> target = m_session->targetGpu();
    m_targetLabel->setText(target ? tr("Target: %1%2")
                                          .arg(QString::fromStdString(target->name),
                                               target->memoryGiB > 0 ? tr(", %1 GiB").arg(target->memoryGiB, 0, 'f', 0) : tr(", memory unknown"))
                                    : tr("Target: none (choose one in the toolbar)"));
    const bool configured = m_source == Source::Configuration;
    m_useConfigModel->setEnabled(!configured);
    m_sourceLabel->setText(configured ? tr("Fitting the configuration's model.")
                                      : tr("Fitting a model chosen here; the configuration serves %1.")
                                            .arg(QString::fromStdString(m_document->config().modelOrDefault())));
    Diagnostics diags = m_modelDiagnostics;
    const Config &config = m_document->config();
    if (m_checkpoint) {
        const Diagnostics found = checkCheckpoint(*m_checkpoint, config);
        diags.insert(diags.end(), found.begin(), found.end());
    }
    if (!m_shape) {
        m_estimate.reset();
        for (auto &[figure, label] : m_figures)
            label->setText(QStringLiteral("—"));
        const QString what = tr(
            "Choose a model: type the path of its folder or config.json in Model, or use config.json… or Model folder…");
        setFigure(Figure::Verdict, what);
        m_bar->clear(what);
        m_diagnostics->setDiagnostics(diags);
        updateWriteButtons();
        return;
    }
    FitOptions options;
    options.gpuMemoryUtilization = m_utilization->value();
    if (m_length->value() > 0)
        options.maxLen = m_length->value();
    options.concurrency = m_concurrency->value();
    const GpuTarget gpu = target.value_or(GpuTarget{});
    m_estimate = estimateFit(*m_shape, m_checkpoint ? completedFromCheckpoint(config, *m_checkpoint) : config, gpu, options);
    const FitEstimate &e = *m_estimate;
    for (Diagnostic d : e.diagnostics) {
        if (d.code == "fit.memory-unknown") {
            // The verdict already asks for a target when there is none; with one of unknown memory
            // (an architecture rather than a GPU), the remedy is in the toolbar, not a CLI option.
            if (!target)
                continue;
            d.suggestion = tr("choose a named GPU in the toolbar's Target GPU list").toStdString();
        }
        diags.push_back(std::move(d));
    }
    m_diagnostics->setDiagnostics(diags);

    const ModelShape &s = *m_shape;
    setFigure(Figure::Model, tr("%1: %2 layers, hidden %3, %4 heads (%5 KV heads)%6")
                                 .arg(QString::fromStdString(s.modelType))
                                 .arg(s.numLayers)
                                 .arg(s.hiddenSize)
                                 .arg(s.numHeads)
                                 .arg(s.numKvHeads)
                                 .arg(s.isMoe() ? tr(", %1 experts (%2 per token)").arg(s.numExperts).arg(s.expertsPerToken) : QString()));
    const ParameterCount &p = e.parameters;
    setFigure(Figure::Parameters, p.active != p.total() ? tr("%1 total, %2 active per token").arg(billions(p.total()), billions(p.active))
                                                        : tr("%1 (%2)").arg(billions(p.total()), count(p.total())));
    setFigure(Figure::WeightFormat, tr("%1 bits per weight (%2), TP %3 × PP %4")
                                        .arg(e.format.bitsPerWeight, 0, 'f', 3)
                                        .arg(QString::fromStdString(config.quantization.methodOrNone()))
                                        .arg(e.tensorParallel)
                                        .arg(e.pipelineParallel));
    const int dp = config.parallelism.dp();
    setFigure(Figure::Gpus,
              tr("%1 per replica (tensor parallel %2 × pipeline parallel %3, from the configuration)%4")
                  .arg(e.gpus)
                  .arg(e.tensorParallel)
                  .arg(e.pipelineParallel)
                  .arg(dp > 1 ? tr("; %1 data-parallel replicas use %2").arg(dp).arg(static_cast<long long>(e.gpus) * dp) : QString()));
    setFigure(Figure::WeightsPerGpu, gib(e.weightBytes));
    setFigure(Figure::KvPerToken, tr("%1 bytes (%2 per element)").arg(count(static_cast<long long>(e.kvBytesPerToken)), byteCount(e.kvBytesPerElement)));
    const bool known = e.budgetBytes > 0;
    setFigure(Figure::KvCapacity, known ? tr("%1 tokens in %2").arg(count(e.kvCapacityTokens), gib(std::max(0.0, e.kvBudgetBytes))) : tr("needs a GPU of known memory"));
    setFigure(Figure::MaxConcurrency, known ? tr("%1 of %2 tokens").arg(sequenceCount(e.maxConcurrency), count(e.maxLen)) : tr("—"));
    setFigure(Figure::LongestLength, known ? tr("%1 tokens for %2").arg(count(e.maxFittingLength), sequenceCount(e.concurrency)) : tr("—"));
    if (!known)
        setFigure(Figure::FewestGpus, tr("—"));
    else if (e.fewestTensorParallel)
        setFigure(
            Figure::FewestGpus,
            tr("%1 (tensor parallel %2 × pipeline parallel %3)").arg(e.fewestGpus).arg(*e.fewestTensorParallel).arg(e.pipelineParallel));
    else
        setFigure(Figure::FewestGpus, tr("none up to %1 GPUs").arg(e.gpuSearchLimit));
    QString verdict;
    if (!known)
        verdict = tr("Unknown: choose a target GPU of known memory");
    else if (e.fits)
        verdict = tr("✓ Fits: %1 of %2 tokens, %3 to spare").arg(sequenceCount(e.concurrency), count(e.maxLen), gib(e.headroomBytes));
    else if (!e.weightsFit)
        verdict = tr("✗ Does not fit: the weights alone exceed the budget");
    else if (e.headroomBytes < 0)
        verdict = tr("✗ Does not fit: the KV cache needs %1 more").arg(gib(-e.headroomBytes));
    else {
        // Memory would do; another check failed (heads not divisible by TP, too few GPUs).
        verdict = tr("✗ Does not fit");
        for (const Diagnostic &d : e.diagnostics) {
            if (d.severity == Severity::Error) {
                verdict = tr("✗ Does not fit: %1").arg(QString::fromStdString(d.message));
                break;
            }
        }
    }
    setFigure(Figure::Verdict, verdict);
    if (known)
        m_bar->setValues(gpu.memoryGiB * kGiB, e.budgetBytes, e.weightBytes, e.overheadBytes, e.requiredKvBytes);
    else
        m_bar->clear(target ? tr("The memory of %1 is unknown: choose a named GPU as the target").arg(QString::fromStdString(target->name))
                            : tr("Choose a target GPU of known memory in the toolbar"));
    updateWriteButtons();
}

} // namespace quantcfg::ui
