#include "ui/fit/memoryfitpanel.h"

#include "ui/state/configdocument.h"
#include "ui/config/diagnosticsmodel.h"
#include "ui/fit/fitbar.h"
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
#include <QSpinBox>
#include <QTreeView>
#include <QVBoxLayout>

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

} // namespace

MemoryFitPanel::MemoryFitPanel(ConfigDocument *document, StudioSession *session, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_session(session)
    , m_pathEdit(new QLineEdit(this))
    , m_notice(new QLabel(this))
    , m_length(new QSpinBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_utilization(new QDoubleSpinBox(this))
    , m_targetLabel(new QLabel(this))
    , m_bar(new FitBar(this))
    , m_diagnostics(new DiagnosticsModel(this))
    , m_diagnosticsView(new QTreeView(this))
{
    setObjectName(QStringLiteral("MemoryFitPanel"));
    m_pathEdit->setReadOnly(true);
    m_pathEdit->setPlaceholderText(tr("Choose a model's config.json or its folder"));
    m_pathEdit->setAccessibleName(tr("Model"));
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

    m_length->setRange(0, 10'000'000);
    m_length->setSingleStep(1024);
    m_length->setSpecialValueText(tr("model maximum"));
    m_length->setAccessibleName(tr("Sequence length"));
    m_concurrency->setRange(1, 100'000);
    m_concurrency->setAccessibleName(tr("Concurrent sequences"));
    m_utilization->setRange(0.05, 1.0);
    m_utilization->setSingleStep(0.05);
    m_utilization->setValue(FitOptions{}.gpuMemoryUtilization);
    m_utilization->setAccessibleName(tr("GPU memory utilization"));
    for (auto *spin : {m_length, m_concurrency})
        connect(spin, &QSpinBox::valueChanged, this, &MemoryFitPanel::recompute);
    connect(m_utilization, &QDoubleSpinBox::valueChanged, this, &MemoryFitPanel::recompute);
    connect(m_document, &ConfigDocument::changed, this, &MemoryFitPanel::recompute);
    connect(m_session, &StudioSession::targetGpuChanged, this, &MemoryFitPanel::recompute);

    auto *modelRow = new QHBoxLayout;
    auto *modelLabel = new QLabel(tr("Mo&del:"), this);
    modelLabel->setBuddy(m_pathEdit);
    modelRow->addWidget(modelLabel);
    modelRow->addWidget(m_pathEdit, 1);
    modelRow->addWidget(fileButton);
    modelRow->addWidget(folderButton);

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
        {Figure::WeightsPerGpu, tr("Weights per GPU")},
        {Figure::KvPerToken, tr("KV cache per token")},
        {Figure::KvCapacity, tr("KV capacity")},
        {Figure::MaxConcurrency, tr("Max concurrency")},
        {Figure::LongestLength, tr("Longest fitting length")},
        {Figure::Verdict, tr("Verdict")},
    };
    for (const auto &[figure, name] : rows) {
        auto *value = new QLabel(QStringLiteral("—"), this);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setAccessibleName(name);
        form->addRow(tr("%1:").arg(name), value);
        m_figures[figure] = value;
    }

    m_diagnostics->attachView(m_diagnosticsView);
    m_diagnosticsView->setAccessibleName(tr("Fit and checkpoint findings"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(modelRow);
    layout->addWidget(m_notice);
    layout->addLayout(options);
    layout->addLayout(form);
    layout->addWidget(m_bar);
    layout->addWidget(new QLabel(tr("Findings (memory fit and the checkpoint's quantization metadata):"), this));
    layout->addWidget(m_diagnosticsView, 1);
    recompute();
}

void MemoryFitPanel::chooseModel(bool folder)
{
    const QString path = folder ? QFileDialog::getExistingDirectory(this, tr("Model Folder"))
                                : QFileDialog::getOpenFileName(this, tr("Model config.json"), {}, tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        loadModel(path);
}

void MemoryFitPanel::restoreModel(const QString &path)
{
    if (path.isEmpty())
        return;
    if (!QFileInfo::exists(path)) {
        // Kept in the settings: the folder may be on a disk that is not mounted right now.
        m_notice->setText(tr("The model used last time, %1, no longer exists. Choose its config.json or folder again.")
                              .arg(QDir::toNativeSeparators(path)));
        m_notice->show();
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
    m_notice->hide();
    m_path = path;
    m_pathEdit->setText(path);
    const std::filesystem::path p = path.toStdString();
    ModelShapeResult shape = loadModelShape(p);
    m_shape = shape.shape;
    m_modelDiagnostics = std::move(shape.diagnostics);
    CheckpointInfo checkpoint = readCheckpoint(p);
    m_checkpoint = checkpoint.quantization;
    m_modelDiagnostics.insert(m_modelDiagnostics.end(), checkpoint.diagnostics.begin(), checkpoint.diagnostics.end());
    recompute();
    if (m_shape) {
        emit message(tr("Loaded %1").arg(path));
        emit modelLoaded(QFileInfo(path).absoluteFilePath());
    }
    return m_shape.has_value();
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

void MemoryFitPanel::recompute()
{
    const std::optional<GpuTarget> target = m_session->targetGpu();
    m_targetLabel->setText(target ? tr("Target: %1%2")
                                          .arg(QString::fromStdString(target->name),
                                               target->memoryGiB > 0 ? tr(", %1 GiB").arg(target->memoryGiB, 0, 'f', 0) : tr(", memory unknown"))
                                    : tr("Target: none (choose one in the toolbar)"));
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
        const QString what = tr("Choose a model with config.json… or Model folder…");
        setFigure(Figure::Verdict, what);
        m_bar->clear(what);
        m_diagnostics->setDiagnostics(diags);
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
    setFigure(Figure::WeightsPerGpu, gib(e.weightBytes));
    setFigure(Figure::KvPerToken, tr("%1 bytes (%2 bytes per element)").arg(count(static_cast<long long>(e.kvBytesPerToken))).arg(e.kvBytesPerElement));
    const bool known = e.budgetBytes > 0;
    setFigure(Figure::KvCapacity, known ? tr("%1 tokens in %2").arg(count(e.kvCapacityTokens), gib(std::max(0.0, e.kvBudgetBytes))) : tr("needs a GPU of known memory"));
    setFigure(Figure::MaxConcurrency, known ? tr("%1 sequences of %2 tokens").arg(count(e.maxConcurrency), count(e.maxLen)) : tr("—"));
    setFigure(Figure::LongestLength, known ? tr("%1 tokens for %2 sequences").arg(count(e.maxFittingLength), count(e.concurrency)) : tr("—"));
    QString verdict;
    if (!known)
        verdict = tr("Unknown: choose a target GPU of known memory");
    else if (e.fits)
        verdict = tr("✓ Fits: %1 sequences of %2 tokens, %3 to spare").arg(count(e.concurrency), count(e.maxLen), gib(e.headroomBytes));
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
}

} // namespace quantcfg::ui
