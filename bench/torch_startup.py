"""Start-up peer of `lstm bench startup` (written for lstm4j; not part of the shared reference).
usage: /usr/bin/python3 torch_startup.py [threads]
Does what lstm4j's start-up figure covers: import torch, build the seed-size model of torch_bench.py
(LSTM(50)x2 + Linear), one Adam(0.01) step on one window, then predict that window, and print one
JSON line right after the prediction. `lstm bench` times it from spawning the interpreter to reading
that line (the JVM's figure runs from the JVM's own start time, so PyTorch's includes the exec)."""
import sys, json, resource, torch, torch.nn as nn
torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 1); torch.manual_seed(42)
class M(nn.Module):
    def __init__(s, f, h):
        super().__init__(); s.lstm = nn.LSTM(f, h, 2, batch_first=True); s.fc = nn.Linear(h, 1)
    def forward(s, x): return s.fc(s.lstm(x)[0][:, -1, :])
m = M(1, 50); x = torch.rand(1, 10, 1); y = torch.zeros(1, 1)
opt = torch.optim.Adam(m.parameters(), lr=0.01); l = nn.MSELoss()(m(x), y); l.backward(); opt.step()
m.eval()
with torch.no_grad():
    p = float(m(x)[0, 0])
print(json.dumps({"workload": "startup", "threads": torch.get_num_threads(), "torch": torch.__version__,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)
