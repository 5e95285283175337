# SPDX-License-Identifier: MIT
"""The inputs of `checkin scan`: code text, image files, a folder, a video file or a live camera.

Every input goes through the same path as the desk app: frame source -> ScanPipeline (grey,
region of interest, decode, debounce) -> CheckInService.scan, one committed decision per new code.
With --json each decision is one JSON object per line, with `decode_ms` (the frame's decode) and
`total_ms` (frame in -> decision committed).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checkin.cli.context import CliContext, CliError
from checkin.domain.decision import Decision
from checkin.domain.models import Checkpoint
from checkin.domain.results import Direction, Source


def scan_input_options(parser: argparse.ArgumentParser) -> None:
    inputs = parser.add_mutually_exclusive_group()
    inputs.add_argument("--code", action="append", default=[], metavar="TEXT",
                        help="code text as a handheld scanner types it; repeatable")
    inputs.add_argument("--image", nargs="+", type=Path, metavar="FILE", help="photos or screenshots of tickets")
    inputs.add_argument("--folder", type=Path, metavar="DIR", help="a folder of images, in name order")
    inputs.add_argument("--video", type=Path, metavar="FILE", help="a video file (mp4, avi, ...)")
    inputs.add_argument("--camera", metavar="N|PATH", help="a webcam: index (0) or device path (/dev/video0)")
    media = parser.add_argument_group("image, video and camera options")
    media.add_argument("--decoder", metavar="NAME", help="zxing-cpp (default), pyzbar or opencv")
    media.add_argument("--roi", type=_roi, metavar="X,Y,W,H", help="only look in this part of the frame (pixels)")
    media.add_argument("--debounce", type=float, default=3.0, metavar="SECONDS",
                       help="the same ticket within this time is one scan (default 3)")
    media.add_argument("--size", type=_size, metavar="WxH", help="camera resolution, e.g. 1280x720")
    media.add_argument("--fps", type=float, help="camera frame rate to ask for")
    media.add_argument("--duration", type=float, metavar="SECONDS", help="stop the camera after this long")
    media.add_argument("--max-frames", type=int, metavar="N", help="stop after N frames")


def _roi(text: str) -> tuple[int, int, int, int]:
    from checkin.scanner.pipeline import parse_roi

    try:
        roi = parse_roi(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    if roi is None:
        raise argparse.ArgumentTypeError("give X,Y,WIDTH,HEIGHT in pixels, e.g. 320,120,640,480")
    return roi


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1280x720") from exc
    return w, h


def run_scan(ctx: CliContext, svc: Any, checkpoint: Checkpoint, direction: Direction,
             describe: Callable[[Decision, Any], str]) -> int:
    args = ctx.args
    tz = svc.event.tz

    def emit(decision: Decision, decode_ms: float | None, total_ms: float) -> None:
        data = decision.to_json(tz)
        data["decode_ms"] = None if decode_ms is None else round(decode_ms, 3)
        data["total_ms"] = round(total_ms, 3)
        ctx.emit(data, describe(decision, tz))

    if args.code:
        for code in args.code:
            started = time.perf_counter()
            decision = svc.scan(code, checkpoint, Source.CLI, direction)
            emit(decision, None, (time.perf_counter() - started) * 1000)
        return 0
    specs, source_kind = _media_specs(args)
    if not specs:
        raise CliError("give what to scan: --code TEXT, --image FILE..., --folder DIR, --video FILE or --camera N")
    return _scan_media(ctx, svc, checkpoint, direction, specs, source_kind, emit)


def _media_specs(args: argparse.Namespace) -> tuple[list[str], Source]:
    if args.image:
        return [f"image:{p}" for p in args.image], Source.FILE
    if args.folder:
        return [f"folder:{args.folder}"], Source.FILE
    if args.video:
        return [f"video:{args.video}"], Source.FILE
    if args.camera is not None:
        return [f"camera:{args.camera}"], Source.CAMERA
    return [], Source.FILE


def _scan_media(ctx: CliContext, svc: Any, checkpoint: Checkpoint, direction: Direction, specs: list[str],
                source_kind: Source, emit: Callable[[Decision, float | None, float], None]) -> int:
    from checkin.scanner.decode import DecoderUnavailable
    from checkin.scanner.pipeline import CodeEvent, build_pipeline, run_source
    from checkin.scanner.sources import SourceError, open_source

    args = ctx.args
    try:
        pipeline = build_pipeline(args.decoder, args.debounce, args.roi)
    except DecoderUnavailable as exc:
        raise CliError(str(exc)) from exc
    decoder = pipeline.decoder
    width, height = args.size or (None, None)
    deadline = time.monotonic() + args.duration if args.duration else None
    decisions = 0

    def on_code(event: CodeEvent) -> None:
        nonlocal decisions
        decision = svc.scan(event.text, checkpoint, source_kind, direction)
        decisions += 1
        emit(decision, event.decode_ms, (time.monotonic() - event.frame.timestamp) * 1000)

    frames = 0
    for spec in specs:
        try:
            source = open_source(spec, width=width, height=height, fps=args.fps if source_kind is Source.CAMERA
                                 else None)
        except SourceError as exc:
            raise CliError(str(exc)) from exc
        try:
            if source_kind is Source.CAMERA and not ctx.json:
                print(f"scanning with {source.name} and {decoder.name}; Ctrl+C stops", file=sys.stderr)
            remaining = None if args.max_frames is None else args.max_frames - frames
            frames += run_source(source, pipeline, on_code, max_frames=remaining,
                                 should_stop=lambda: deadline is not None and time.monotonic() > deadline)
        except KeyboardInterrupt:
            break
        except SourceError as exc:
            raise CliError(str(exc)) from exc
        finally:
            source.close()
    if not ctx.json:
        print(f"{frames} frame(s), {decisions} decision(s), decoder {decoder.name}", file=sys.stderr)
    return 0
