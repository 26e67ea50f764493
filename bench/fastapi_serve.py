"""FastAPI + PyTorch peer of `lstm serve` for bench/serve_load.sh (written for lstm4j; not part of the
shared reference scripts). The recipe a Python user would write to put the seed's sine model behind an
HTTP endpoint, speaking the same Open Inference Protocol v2 subset as `lstm serve`:
  GET  /v2/health/ready            {"ready": true}
  GET  /v2/models/sine             metadata (input "input" [-1,10,1] FP32, output "forecast" [-1,1])
  POST /v2/models/sine/infer       {"inputs":[{"name":"input","shape":[n,10,1],"datatype":"FP32","data":[...]}]}
                                -> {"model_name":"sine","outputs":[{"name":"forecast","datatype":"FP32",
                                    "shape":[n,1],"data":[...]}]}
  a bad request gets 400 {"error": "..."} (FastAPI's own 422 {"detail": ...} is mapped to that).

usage: /usr/bin/python3 bench/fastapi_serve.py PORT [WORKERS]      (WORKERS default 2; host 127.0.0.1)
  which is the same as
       cd bench && /usr/bin/python3 -m uvicorn fastapi_serve:app --host 127.0.0.1 --port PORT \
                   --workers WORKERS --no-access-log
Needs Debian's python3-torch, python3-fastapi, python3-uvicorn (run with /usr/bin/python3).
Environment: FASTAPI_ENDPOINT=sync|async (default sync, see infer_sync() below), FASTAPI_TRAIN_EPOCHS
(default 100), FASTAPI_NODELAY=0 (uvicorn's stock TCP behaviour, see _nodelay below), FASTAPI_REUSEPORT=1
(a tuned variant, not the recipe: one SO_REUSEPORT socket per worker instead of uvicorn's shared one).

The model: the seed-size network of torch_bench.py (nn.LSTM(1, 50, 2, batch_first=True) + nn.Linear(50, 1)
on the last step), TRAINED BRIEFLY AT START-UP in every worker: the seed's data (sin(0.1 t), t = 0..628),
min-max scaler fitted on the first 80 % (the train part), windows of 10 -> next value, 100 epochs full
batch, Adam 0.01 (the seed's recipe and examples/sine/sine.yaml; 30 epochs leave it visibly underfit:
0.43 for a window whose next value is 0.84), torch.manual_seed(42), so every worker holds the same weights
(2-4 s each, the workers in parallel). The weights do not change the cost of a forward pass; training only
makes the forecasts sensible (near the sine's next value, like lstm4j's), which the load script's sanity
check prints. The scaler is applied to the windows on the way in and inverted on the forecasts on the
way out, as the seed's tutorial recipe does and as `lstm serve` does.

Settings a competent user picks for throughput, none of which cripples the baseline:
  torch.set_num_threads(1) per worker (the worker processes are the parallelism; intra-op threads only
  fight over the 2 cores), torch.inference_mode(), the model in eval(), uvicorn --workers N (one process
  per core, sharing the listening socket), --no-access-log (an access-log line per request costs a
  noticeable share at thousands of requests/s; lstm serve writes none either). uvicorn uses uvloop and
  httptools when they are installed (`pip install uvicorn[standard]`), else asyncio and h11: the load
  script prints which ones ran.
"""
import os
import sys

if __name__ == "__main__":
    # Hand over to uvicorn's own command line before anything heavy is imported: the supervisor process
    # then never imports torch (as with `uvicorn fastapi_serve:app --workers N`); only the workers do.
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    here, port = os.path.dirname(os.path.abspath(__file__)), sys.argv[1]
    workers = int(sys.argv[2]) if len(sys.argv) == 3 else 2
    command = [sys.executable, "-m", "uvicorn", "fastapi_serve:app", "--app-dir", here, "--no-access-log"]
    if os.environ.get("FASTAPI_REUSEPORT") != "1":
        os.execv(sys.executable, command + ["--host", "127.0.0.1", "--port", port, "--workers", str(workers)])
    # FASTAPI_REUSEPORT=1, not the recipe but a tuned variant: uvicorn --workers shares one listening
    # socket, and whichever worker wakes first accepts every pending connection, so a load generator's
    # keep-alive connections often all land on one worker (seen: 64/0, 55/9). Here each worker gets its own
    # SO_REUSEPORT socket on the port and the kernel spreads the connections over them.
    import signal
    import socket
    import subprocess
    children = []
    for _ in range(workers):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind(("127.0.0.1", int(port)))
        children.append(subprocess.Popen(command + ["--fd", str(sock.fileno())], pass_fds=[sock.fileno()]))
        sock.close()
    def stop(*_):
        for child in children:
            child.terminate()
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    sys.exit(max(child.wait() for child in children))

from typing import List, Optional

import numpy as np
import torch
import torch.nn as nn
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel

# Work around uvicorn issue #3149 (github.com/Kludex/uvicorn/issues/3149; also in this Debian's 0.17.6):
# with --workers N the supervisor binds the listening socket with proto 0 (and --fd, used by
# FASTAPI_REUSEPORT=1, labels it AF_UNIX), the accepted sockets inherit that, and asyncio only sets
# TCP_NODELAY on sockets that say (AF_INET, SOCK_STREAM, IPPROTO_TCP). Nagle's algorithm then holds each
# response's body (uvicorn writes headers and body separately) until the client's delayed ACK: every
# keep-alive request after a connection's first waits ~40 ms (measured: 44 ms per request with one wrk
# connection, 2-3 ms for curl's fresh connections). A user who noticed would apply this; it is what
# asyncio does for sockets it creates itself. FASTAPI_NODELAY=0 turns it off to see the stock behaviour.
if os.environ.get("FASTAPI_NODELAY", "1") != "0":
    import asyncio.base_events
    import socket

    def _nodelay(sock):
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:  # a real Unix socket
            pass

    asyncio.base_events._set_nodelay = _nodelay

torch.set_num_threads(1)
torch.manual_seed(42)
MODEL, STEPS, FEATURES = "sine", 10, 1


class M(nn.Module):  # torch_bench.py's class M: LSTM(f, h) x 2 + a linear head on the last step
    def __init__(s, f, h):
        super().__init__(); s.lstm = nn.LSTM(f, h, 2, batch_first=True); s.fc = nn.Linear(h, 1)

    def forward(s, x): return s.fc(s.lstm(x)[0][:, -1, :])


def build():
    series = np.sin(0.1 * np.arange(0, 629))                      # the seed's series, 629 points
    train = series[: int(len(series) * 0.8)]
    lo, hi = float(train.min()), float(train.max())               # MinMaxScaler fitted on the train part
    z = (train - lo) / (hi - lo)
    x = torch.tensor(np.stack([z[i:i + STEPS] for i in range(len(z) - STEPS)]), dtype=torch.float32).unsqueeze(-1)
    y = torch.tensor(z[STEPS:], dtype=torch.float32).unsqueeze(-1)
    m = M(FEATURES, 50)
    opt = torch.optim.Adam(m.parameters(), lr=0.01); loss = nn.MSELoss()
    for _ in range(int(os.environ.get("FASTAPI_TRAIN_EPOCHS", "100"))):
        opt.zero_grad(); loss(m(x), y).backward(); opt.step()
    return m.eval(), lo, hi


net, LO, HI = build()


class Tensor(BaseModel):
    name: str
    shape: List[int]
    datatype: str
    data: List[float]  # flat, row-major (the protocol also allows nested lists; this recipe takes flat ones)


class RequestedOutput(BaseModel):
    name: str


class InferRequest(BaseModel):
    id: Optional[str] = None
    inputs: List[Tensor]
    outputs: Optional[List[RequestedOutput]] = None


class BadRequest(Exception):
    pass


app = FastAPI()


@app.exception_handler(BadRequest)
async def bad_request(_: Request, e: BadRequest):
    return JSONResponse({"error": str(e)}, status_code=400)


@app.exception_handler(RequestValidationError)
async def invalid(_: Request, e: RequestValidationError):  # FastAPI would answer 422 {"detail": [...]}
    return JSONResponse({"error": "; ".join(f"{'.'.join(map(str, d['loc']))}: {d['msg']}" for d in e.errors())},
                        status_code=400)


@app.get("/v2/health/ready")
async def ready():
    return {"ready": True}


@app.get("/v2/health/live")
async def live():
    return {"live": True}


@app.get("/v2/models/{model}")
async def metadata(model: str):
    if model != MODEL:
        return JSONResponse({"error": f"no model '{model}'"}, status_code=404)
    return {"name": MODEL, "platform": "pytorch_fastapi",
            "inputs": [{"name": "input", "datatype": "FP32", "shape": [-1, STEPS, FEATURES]}],
            "outputs": [{"name": "forecast", "datatype": "FP32", "shape": [-1, 1]}]}


def check(model: str, req: InferRequest):
    if model != MODEL:
        return JSONResponse({"error": f"no model '{model}'"}, status_code=404)
    if len(req.inputs) != 1 or req.inputs[0].name != "input":
        raise BadRequest("inputs must be a list of one tensor named 'input'")
    t = req.inputs[0]
    if t.datatype not in ("FP32", "FP64"):
        raise BadRequest(f"inputs[0].datatype: '{t.datatype}' is not supported; send FP32 or FP64")
    if len(t.shape) != 3 or t.shape[0] < 1 or t.shape[1] != STEPS or t.shape[2] != FEATURES:
        raise BadRequest(f"inputs[0].shape {t.shape} does not fit this model: it reads [n, {STEPS}, {FEATURES}]")
    if len(t.data) != t.shape[0] * STEPS * FEATURES:
        raise BadRequest(f"inputs[0].data has {len(t.data)} values; shape {t.shape} needs "
                         f"{t.shape[0] * STEPS * FEATURES}")
    if req.outputs and any(o.name != "forecast" for o in req.outputs):
        raise BadRequest("outputs: this model has one output, 'forecast'")
    return None


def forecast(req: InferRequest):
    t = req.inputs[0]
    x = (torch.tensor(t.data, dtype=torch.float32).reshape(t.shape) - LO) / (HI - LO)
    with torch.inference_mode():
        y = net(x) * (HI - LO) + LO
    answer = {"model_name": MODEL, "outputs": [{"name": "forecast", "datatype": t.datatype,
                                                "shape": [t.shape[0], 1], "data": y.reshape(-1).tolist()}]}
    if req.id is not None:
        answer["id"] = req.id
    return answer


# Why a sync `def` endpoint by default: FastAPI runs it in anyio's thread pool, so the event loop thread
# keeps reading sockets, parsing HTTP and JSON and validating the next requests with pydantic while a pool
# thread is inside the forward pass (torch releases the GIL there). An `async def` endpoint calling torch
# directly saves the hand-off to the pool (a thread switch there and back per request), but blocks the
# loop for the whole forward pass (~0.3 ms for 1 window, ~2 ms for 32 here) and serialises everything.
# Both were measured with wrk, 64 connections, 2 workers (FASTAPI_ENDPOINT=sync|async, 5-6 s runs on a
# loaded machine, so noisy; see bench/README.md). With uvicorn's shared socket (one worker often holds
# most connections) async made 0.7-1.2x the requests/s of sync for 1-window requests and 0.3-0.9x for
# 32-window ones: a sync worker can keep both cores busy (loop thread + pool thread). With the
# connections spread evenly (FASTAPI_REUSEPORT=1) and TCP_NODELAY set, the two were within the noise
# (0.8-1.4x). Sync is never clearly worse, so it is the default.
def infer_sync(model: str, req: InferRequest):
    return check(model, req) or forecast(req)


async def infer_async(model: str, req: InferRequest):
    return check(model, req) or forecast(req)


ENDPOINT = infer_async if os.environ.get("FASTAPI_ENDPOINT", "sync") == "async" else infer_sync
app.post("/v2/models/{model}/infer")(ENDPOINT)
