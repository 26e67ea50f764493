"""Test fixtures of `lstm import`: PyTorch state_dicts of the seed's classes and PyTorch's own outputs.

Run with Debian's PyTorch (1.13), from anywhere:

    /usr/bin/python3 bench/torch_import/make_fixtures.py

It writes, beside itself (the Java tests read these files and never need Python):

    data.csv            160 rows: step, y (a noisy sine with a trend), x (a cosine)
    scaler.json         per column, as scikit-learn users know it: y minmax to [0, 1], x minmax to [-1, 1],
                        fitted on the first 128 rows (the train part of the experiments below)
    <model>.pt          torch.save(model.state_dict(), path) of each model below, after a short training
    <model>.yaml        the lstm4j experiment that describes <model>
    lstm2_views.pt      lstm2's state_dict re-saved as float64 views (non-zero storage offsets, transposed strides,
                        storages shared by several tensors): it must import to the same network
    lstm1_protocol4.pt  lstm1's state_dict saved with pickle_protocol=4 (FRAME, SHORT_BINUNICODE, MEMOIZE, STACK_GLOBAL)
    whole_module.pt     torch.save(model) of lstm2: a whole pickled module, which `lstm import` refuses
    hostile.pt          a torch.save zip whose pickle calls os.system: refused before anything is built
    outputs.json        per model: scaled input windows, PyTorch's scaled outputs for them, and the forecast of the
                        steps after data.csv's last row in the data's units (what `lstm predict` must print)

    model           class           features  layers  horizon  notes
    lstm1           LSTMModel       y, x      1       3
    lstm2           LSTMModel       y, x      2       3        dropout 0.2 (inactive in eval)
    attention       AttentionLSTM   y         2       1        attention_size = hidden_size; forecast 3 steps fed back
    bilstm_seed     BiLSTM          y         2       1        reads out[:, -1, :]: refused
    bilstm_hn       BiLSTMHn        y, x      2       3        the seed's BiLSTM changed to read h_n: imported
"""
import json
import math
import os
import pathlib
import zipfile

import torch
import torch.nn as nn

HERE = pathlib.Path(__file__).resolve().parent
WINDOW, HIDDEN, ROWS, TRAIN_ROWS = 10, 8, 160, 128  # train part: the first 80% of the rows


# ---- the seed's classes, verbatim -------------------------------------------------------------------------------
class LSTMModel(nn.Module):
    def __init__(self, input_size=1, hidden_size=50, num_layers=2, output_size=1, dropout=0.2):
        super().__init__()
        self.hidden_size, self.num_layers = hidden_size, num_layers
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True, dropout=dropout)
        self.fc = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        h0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size)
        c0 = torch.zeros(self.num_layers, x.size(0), self.hidden_size)
        out, _ = self.lstm(x, (h0, c0))
        return self.fc(out[:, -1, :])


class AttentionLSTM(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, output_size):
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True)
        self.attention = nn.Sequential(nn.Linear(hidden_size, hidden_size), nn.Tanh(), nn.Linear(hidden_size, 1))
        self.fc = nn.Linear(hidden_size, output_size)

    def forward(self, x):
        lstm_out, _ = self.lstm(x)
        weights = torch.softmax(self.attention(lstm_out), dim=1)
        return self.fc(torch.sum(weights * lstm_out, dim=1))


class BiLSTM(nn.Module):
    def __init__(self, input_size, hidden_size, num_layers, output_size):
        super().__init__()
        self.lstm = nn.LSTM(input_size, hidden_size, num_layers, batch_first=True, bidirectional=True)
        self.fc = nn.Linear(hidden_size * 2, output_size)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.fc(out[:, -1, :])


# ---- the seed's BiLSTM with the one change lstm4j's bilstm needs ------------------------------------------------
class BiLSTMHn(BiLSTM):
    def forward(self, x):
        _, (h_n, _) = self.lstm(x)
        return self.fc(torch.cat([h_n[-2], h_n[-1]], 1))


class Hostile:
    def __reduce__(self):
        return os.system, ("echo this pickle ran a shell command >&2",)


# ---- data and scaling, as a scikit-learn user would do it -------------------------------------------------------
def series():
    g = torch.Generator().manual_seed(3)
    noise = torch.randn(ROWS, generator=g, dtype=torch.float64)
    y = [50 + 20 * math.sin(0.3 * i) + 0.05 * i + 0.5 * float(noise[i]) for i in range(ROWS)]
    x = [math.cos(0.3 * i) for i in range(ROWS)]
    return {"y": y, "x": x}


def minmax(values, low, high):
    train = values[:TRAIN_ROWS]
    return {"type": "minmax", "min": min(train), "max": max(train), "range": [low, high]}


def scale(values, s):
    low, high = s["range"]
    return [(v - s["min"]) / (s["max"] - s["min"]) * (high - low) + low for v in values]


def unscale(values, s):
    low, high = s["range"]
    return [(v - low) / (high - low) * (s["max"] - s["min"]) + s["min"] for v in values]


def windows(columns, horizon):
    """Every window of the train part with its targets, as tensors [N, T, F] and [N, horizon]."""
    n = TRAIN_ROWS - WINDOW - horizon + 1
    xs = torch.tensor([[[c[t + k] for c in columns] for k in range(WINDOW)] for t in range(n)], dtype=torch.float32)
    return xs, torch.tensor([[columns[0][t + WINDOW + k] for k in range(horizon)] for t in range(n)], dtype=torch.float32)


def train(model, columns, horizon, steps=60):
    xs, ys = windows(columns, horizon)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    model.train()
    for _ in range(steps):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(xs), ys)
        loss.backward()
        optimizer.step()
    model.eval()
    return float(loss)


def experiment(name, architecture, features, layers, horizon, extra=""):
    return f"""# lstm import's fixture {name}.pt (written by make_fixtures.py)
name: {name}
data:
  source: {{csv: data.csv, time_column: step}}
  target: y
  features: [{", ".join(features)}]
  window: {WINDOW}
  horizon: {horizon}
  split: {{train: 0.8, validation: 0.1, test: 0.1}}
model: {{architecture: {architecture}, hidden_size: {HIDDEN}, num_layers: {layers}{extra}}}
output: {{plots: false}}
"""


def forecast(model, scaled, scaler, features, horizon, steps):
    """The `steps` steps after the last row in the data's units; a univariate model feeds its forecasts back."""
    history = {f: list(scaled[f]) for f in features}
    out = []
    while len(out) < steps:
        window = torch.tensor([[[history[f][t] for f in features] for t in range(-WINDOW, 0)]], dtype=torch.float32)
        with torch.no_grad():
            block = [float(v) for v in model(window)[0]]
        out.extend(block)
        history["y"].extend(block)
    return unscale(out[:steps], scaler["y"])


def save_views(state_dict, path):
    """The same values as float64 tensors that are views: offsets into shared storages, transposed strides."""
    views = {}
    for name, tensor in state_dict.items():
        t = tensor.detach().double()
        if t.dim() == 2:
            base = torch.zeros(t.shape[1] + 1, t.shape[0], dtype=torch.float64)
            base[1:] = t.t()
            views[name] = base[1:].t()  # storage offset rows, strides (1, rows)
        else:
            base = torch.zeros(t.numel() + 3, dtype=torch.float64)
            base[3:] = t
            views[name] = base[3:]  # storage offset 3
    # two tensors sharing one storage
    bias_ih, bias_hh = state_dict["lstm.bias_ih_l1"].double(), state_dict["lstm.bias_hh_l1"].double()
    shared = torch.cat([bias_ih, bias_hh])
    views["lstm.bias_ih_l1"], views["lstm.bias_hh_l1"] = shared[: bias_ih.numel()], shared[bias_ih.numel():]
    assert any(not v.is_contiguous() for v in views.values()) and all(v.storage_offset() > 0 for v in views.values() if v is not views["lstm.bias_ih_l1"])
    torch.save(views, path)


def main():
    torch.manual_seed(11)
    torch.set_num_threads(1)
    data = series()
    scaler = {"y": minmax(data["y"], 0.0, 1.0), "x": minmax(data["x"], -1.0, 1.0)}
    scaled = {c: scale(data[c], scaler[c]) for c in data}
    with open(HERE / "data.csv", "w") as f:
        f.write("step,y,x\n")
        for i in range(ROWS):
            f.write(f"{i},{data['y'][i]!r},{data['x'][i]!r}\n")
    (HERE / "scaler.json").write_text(json.dumps(scaler, indent=2) + "\n")

    models = {
        "lstm1": (LSTMModel(2, HIDDEN, 1, 3, dropout=0.0), "lstm", ["y", "x"], 1, 3, ""),
        "lstm2": (LSTMModel(2, HIDDEN, 2, 3), "lstm", ["y", "x"], 2, 3, ", dropout: 0.2"),
        "attention": (AttentionLSTM(1, HIDDEN, 2, 1), "attention", ["y"], 2, 1, f", attention_size: {HIDDEN}"),
        "bilstm_seed": (BiLSTM(1, HIDDEN, 2, 1), "bilstm", ["y"], 2, 1, ", bidirectional_merge: concat"),
        "bilstm_hn": (BiLSTMHn(2, HIDDEN, 2, 3), "bilstm", ["y", "x"], 2, 3, ", bidirectional_merge: concat"),
    }
    outputs = {}
    for name, (model, architecture, features, layers, horizon, extra) in models.items():
        loss = train(model, [scaled[f] for f in features], horizon)
        torch.save(model.state_dict(), HERE / f"{name}.pt")
        (HERE / f"{name}.yaml").write_text(experiment(name, architecture, features, layers, horizon, extra))
        starts = [0, 37, 88, ROWS - WINDOW]
        xs = torch.tensor([[[scaled[f][s + t] for f in features] for t in range(WINDOW)] for s in starts], dtype=torch.float32)
        with torch.no_grad():
            ys = model(xs)
        steps = 3
        outputs[name] = {
            "class": type(model).__name__, "features": features, "horizon": horizon, "train_loss": loss,
            "window_starts": starts, "windows": xs.tolist(), "outputs": ys.tolist(),
            "forecast_steps": steps, "forecast": forecast(model, scaled, scaler, features, horizon, steps),
        }
        print(f"{name}: {type(model).__name__}, train loss {loss:.5f}, outputs {ys.shape[0]}x{ys.shape[1]}")
    save_views(models["lstm2"][0].state_dict(), HERE / "lstm2_views.pt")
    torch.save(models["lstm1"][0].state_dict(), HERE / "lstm1_protocol4.pt", pickle_protocol=4)
    torch.save(models["lstm2"][0], HERE / "whole_module.pt")
    torch.save(Hostile(), HERE / "hostile.pt")
    (HERE / "outputs.json").write_text(json.dumps({"torch": torch.__version__, "window": WINDOW, "models": outputs}, indent=1) + "\n")
    for f in sorted(HERE.glob("*.pt")):
        with zipfile.ZipFile(f) as z:
            print(f"{f.name}: {f.stat().st_size} bytes, {len(z.namelist())} entries")


if __name__ == "__main__":
    main()
