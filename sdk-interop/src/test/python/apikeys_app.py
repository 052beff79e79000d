"""The API Keys API as a FastAPI app, written the way FastAPI apps are written.

Nobody on the SDK project tuned this app to the SDK: it uses FastAPI's defaults everywhere
(pydantic models, ``HTTPBearer``, ``HTTPException`` errors as ``{"detail": ...}``, FastAPI's own
422 validation errors), as the API's documentation comes from such an app. Keys live in
memory. Settings come from the environment:

``APP_SEED_KEYS``
    How many keys the default account starts with (default 25). Key ``n`` (from 1) has the id
    ``seeded_id(n)``, is created ``n`` minutes after 2024-01-01T12:00:00.123456, is restricted
    to ``calls.view`` and ``calls.create`` when ``n`` is even, and expires on 2030-01-01 when
    ``n`` is a multiple of 3.
``APP_DATETIMES``
    ``naive`` (default): ``datetime.utcnow()``, sent without an offset
    (``2024-01-01T12:00:00.123456``). ``aware``: ``datetime.now(timezone.utc)``, sent with
    ``+00:00``, as apps written since Python 3.12 deprecated ``utcnow()`` do.
``APP_UNRESTRICTED_PERMISSIONS``
    ``null`` (default): an unrestricted key has ``"permissions": null``. ``empty``: ``[]``.
``APP_ADMIN_TOKEN``, ``APP_RESTRICTED_TOKEN``
    The token of an account administrator, and of a restricted API key with every
    ``api_keys.*`` permission (which, being an API key, may not update other keys: 403).

The secret of every key (``key`` in create's answer) is also a token, of an API key with the
key's permissions (every one when unrestricted), until the key is deleted. Only account
administrators update keys: an API key's token gets 403 on both update endpoints.

A missing ``Authorization`` header is a 403 ``{"detail": "Not authenticated"}``: that is what
FastAPI's ``HTTPBearer`` does. An unknown token is a 401.

The account API's ``PATCH /apikeys/{id}`` replaces the description and the permissions (the key
becomes restricted to them); ``expiresAt`` null or ``""`` removes the expiry, a date-time sets
it, and a body without it leaves the expiry as it is.

``/moved/<path>`` answers every method with a 307 to ``/<path>`` (query kept), as a gateway
does for an API that moved, with an absolute ``Location`` as Starlette's ``redirect_slashes``
writes it.

Run: ``python3 -m uvicorn apikeys_app:app`` with this folder on ``PYTHONPATH``.
"""

import hashlib
import os
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Dict, List, Optional, Tuple

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request, Response, status
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, validator

NAIVE_DATETIMES = os.environ.get("APP_DATETIMES", "naive") == "naive"
NULL_PERMISSIONS = os.environ.get("APP_UNRESTRICTED_PERMISSIONS", "null") == "null"
SEED_KEYS = int(os.environ.get("APP_SEED_KEYS", "25"))
ADMIN_TOKEN = os.environ.get("APP_ADMIN_TOKEN", "sk-interop-admin")
RESTRICTED_TOKEN = os.environ.get("APP_RESTRICTED_TOKEN", "sk-interop-restricted")

DEFAULT_ACCOUNT = "acct_default"
ADMIN_USER_ID = "7d3c3f5e-5a4f-4f36-9c55-0b9f1d2f8a01"
SEED_EPOCH = datetime(2024, 1, 1, 12, 0, 0, 123456)
SEED_EXPIRY = datetime(2030, 1, 1)
SEED_PERMISSIONS = ["calls.view", "calls.create"]

PERMISSIONS = frozenset("""
companies.delete companies.update calls.create calls.delete calls.update calls.view
messages.view agents.view agents.create agents.update agents.delete phones.view
phones.purchase phones.delete phones.update phones.import tools.view tools.create
tools.delete tools.update contacts.view contacts.delete conversational_paths.view
conversational_paths.create conversational_paths.delete conversational_paths.update
knowledge_bases.view knowledge_bases.create knowledge_bases.delete knowledge_bases.update
webhooks.view webhooks.create webhooks.delete webhooks.update members.view members.create
members.delete members.update billing.view billing.update api_keys.view api_keys.create
api_keys.delete api_keys.update voices.view transcriptions.view recordings.view stats.view
verifications.create verifications.view notifications.view notifications.update logs.view
integrations.view integrations.create integrations.update integrations.delete workflows.view
workflows.create workflows.update workflows.delete
""".split())


def seeded_id(number: int) -> str:
    """The id of seeded key ``number``: a name-based UUID (Java: UUID.nameUUIDFromBytes)."""
    digest = hashlib.md5(f"seed-{number}".encode()).digest()
    return str(uuid.UUID(bytes=digest, version=3))


def as_stored(value: Optional[datetime]) -> Optional[datetime]:
    """A datetime from a request, as this app keeps them (naive UTC, or aware UTC)."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc)
    else:
        value = value.replace(tzinfo=timezone.utc)
    return value.replace(tzinfo=None) if NAIVE_DATETIMES else value


def now() -> datetime:
    return datetime.utcnow() if NAIVE_DATETIMES else datetime.now(timezone.utc)


def unrestricted_permissions() -> Optional[List[str]]:
    return None if NULL_PERMISSIONS else []


class SortOrder(str, Enum):
    asc = "asc"
    desc = "desc"


class ApiKey(BaseModel):
    id: str = Field(..., description="The unique identifier for the API key")
    name: str = Field(..., description="The name of the API key")
    description: Optional[str] = None
    created_date: datetime = Field(..., description="When the API key was created")
    last_four_digits: str = Field(..., description="The last four digits of the API key")
    creator_id: str = Field(..., description="The ID of the user who created the API key")
    restricted: bool = Field(..., description="Whether the API key is restricted")
    permissions: Optional[List[str]] = Field(None, description="The permissions of the key")
    expires_at: Optional[datetime] = None


class ApiKeyWithSecret(ApiKey):
    key: str


class ApiKeyList(BaseModel):
    data: List[ApiKey]
    has_more: bool
    first_id: Optional[str]
    last_id: Optional[str]


class CreateApiKey(BaseModel):
    name: str = Field(..., min_length=1, max_length=100)
    description: Optional[str] = Field(None, max_length=500)
    restricted: bool = False
    permissions: Optional[List[str]] = None
    expires_at: Optional[datetime] = None


class UpdateApiKey(BaseModel):
    name: Optional[str] = Field(None, min_length=1, max_length=100)
    description: Optional[str] = Field(None, max_length=500)
    restricted: Optional[bool] = None
    permissions: Optional[List[str]] = None
    expires_at: Optional[datetime] = None


class ApiKeyInput(BaseModel):
    """The account API's body, with its own field names."""

    description: str
    expiresAt: Optional[datetime] = None
    flatPermissionsList: List[str]

    @validator("expiresAt", pre=True)
    def empty_means_no_expiry(cls, value):
        return None if value == "" else value


class SuccessResponse(BaseModel):
    success: bool


@dataclass
class Caller:
    user_id: str
    is_api_key: bool
    permissions: List[str]

    def may(self, permission: str) -> bool:
        return not self.is_api_key or permission in self.permissions


@dataclass
class StoredKey:
    key: ApiKeyWithSecret
    deleted: bool = False


@dataclass
class Account:
    """The keys of one account, in the order they were created (deleted ones too)."""

    keys: List[StoredKey] = field(default_factory=list)
    index: Dict[str, int] = field(default_factory=dict)
    replays: Dict[str, Tuple[dict, ApiKeyWithSecret]] = field(default_factory=dict)

    def add(self, key: ApiKeyWithSecret) -> None:
        self.index[key.id] = len(self.keys)
        self.keys.append(StoredKey(key))
        SECRETS[key.key] = self.keys[-1]

    def find(self, key_id: str) -> Optional[StoredKey]:
        position = self.index.get(key_id)
        if position is None or self.keys[position].deleted:
            return None
        return self.keys[position]

    def position(self, cursor: str) -> int:
        if cursor not in self.index:
            raise HTTPException(status_code=400, detail=f"Invalid cursor: {cursor}")
        return self.index[cursor]


CALLERS = {
    ADMIN_TOKEN: Caller(ADMIN_USER_ID, False, []),
    RESTRICTED_TOKEN: Caller(
        "5b0e6b4c-6c1e-4d0e-a1f0-1f6f3c9e2b02",
        True,
        ["api_keys.view", "api_keys.create", "api_keys.update", "api_keys.delete"],
    ),
}
ACCOUNTS: Dict[str, Account] = {}
SECRETS: Dict[str, StoredKey] = {}

app = FastAPI(title="API Keys", version="1.0.0")
bearer = HTTPBearer()


@app.middleware("http")
async def add_request_id(request: Request, call_next):
    response = await call_next(request)
    response.headers["x-request-id"] = "req_" + uuid.uuid4().hex
    return response


def account_of(x_account_id: Optional[str]) -> Account:
    return ACCOUNTS.setdefault(x_account_id or DEFAULT_ACCOUNT, Account())


def authorized(permission: str):
    def check(credentials: HTTPAuthorizationCredentials = Depends(bearer)) -> Caller:
        caller = CALLERS.get(credentials.credentials) or key_caller(credentials.credentials)
        if caller is None:
            raise HTTPException(
                status_code=status.HTTP_401_UNAUTHORIZED,
                detail="Invalid authentication credentials",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if not caller.may(permission):
            raise HTTPException(status_code=403, detail="Not enough permissions")
        return caller

    return check


def key_caller(secret: str) -> Optional[Caller]:
    """The caller whose token is the secret of a live key: an API key."""
    stored = SECRETS.get(secret)
    if stored is None or stored.deleted:
        return None
    key = stored.key
    permissions = list(key.permissions or []) if key.restricted else sorted(PERMISSIONS)
    return Caller(key.creator_id, True, permissions)


def invalid_permissions(values: Optional[List[str]]) -> List[str]:
    return [value for value in values or [] if value not in PERMISSIONS]


def live_key(account: Account, key_id: str) -> StoredKey:
    stored = account.find(key_id)
    if stored is None:
        raise HTTPException(status_code=404, detail="API key not found")
    return stored


def public(stored: StoredKey) -> ApiKey:
    """The key as every answer but create's shows it: without the secret."""
    return ApiKey(**stored.key.dict(exclude={"key"}))


def seed() -> None:
    account = account_of(None)
    for number in range(1, SEED_KEYS + 1):
        restricted = number % 2 == 0
        created = SEED_EPOCH + timedelta(minutes=number - 1)
        expires = SEED_EXPIRY if number % 3 == 0 else None
        account.add(ApiKeyWithSecret(
            id=seeded_id(number),
            name=f"Seeded key {number}",
            description=f"Seeded API key number {number}",
            created_date=created if NAIVE_DATETIMES else created.replace(tzinfo=timezone.utc),
            last_four_digits=f"{number:04d}"[-4:],
            creator_id=ADMIN_USER_ID,
            restricted=restricted,
            permissions=list(SEED_PERMISSIONS) if restricted else unrestricted_permissions(),
            expires_at=as_stored(expires),
            key="sk-live-" + secrets.token_hex(16),
        ))


seed()


@app.get("/v1/api_key/", response_model=ApiKeyList, summary="List Api Keys")
async def list_api_keys(
    limit: int = Query(10, ge=1, le=1000),
    order: SortOrder = SortOrder.asc,
    after: Optional[str] = None,
    before: Optional[str] = None,
    x_account_id: Optional[str] = Header(None),
    caller: Caller = Depends(authorized("api_keys.view")),
):
    """Retrieve a list of API keys."""
    if after is not None and before is not None:
        raise HTTPException(status_code=400, detail="Use either after or before, not both")
    account = account_of(x_account_id)
    keys = account.keys if order == SortOrder.asc else account.keys[::-1]

    def at(cursor: str) -> int:
        position = account.position(cursor)
        return position if order == SortOrder.asc else len(keys) - 1 - position

    if before is not None:
        earlier = [stored for stored in keys[:at(before)] if not stored.deleted]
        page, has_more = earlier[-limit:], len(earlier) > limit
    else:
        start = 0 if after is None else at(after) + 1
        later = [stored for stored in keys[start:] if not stored.deleted]
        page, has_more = later[:limit], len(later) > limit
    data = [public(stored) for stored in page]
    return ApiKeyList(
        data=data,
        has_more=has_more,
        first_id=data[0].id if data else None,
        last_id=data[-1].id if data else None,
    )


@app.post(
    "/v1/api_key/",
    response_model=ApiKeyWithSecret,
    status_code=status.HTTP_201_CREATED,
    summary="Create Api Key",
)
async def create_api_key(
    body: CreateApiKey,
    response: Response,
    idempotency_key: Optional[str] = Header(None, max_length=255),
    x_account_id: Optional[str] = Header(None),
    caller: Caller = Depends(authorized("api_keys.create")),
):
    account = account_of(x_account_id)
    if idempotency_key is not None and idempotency_key in account.replays:
        first_body, first_key = account.replays[idempotency_key]
        if first_body != body.dict():
            raise HTTPException(
                status_code=409, detail="Idempotency-Key already used with another request")
        response.headers["Idempotent-Replayed"] = "true"
        return first_key
    unknown = invalid_permissions(body.permissions)
    if unknown:
        raise HTTPException(
            status_code=400, detail="Invalid permissions provided: " + ", ".join(unknown))
    if body.permissions and not body.restricted:
        raise HTTPException(
            status_code=400, detail="Permissions can only be set on restricted keys")
    secret = "sk-live-" + secrets.token_hex(16)
    key = ApiKeyWithSecret(
        id=str(uuid.uuid4()),
        name=body.name,
        description=body.description,
        created_date=now(),
        last_four_digits=secret[-4:],
        creator_id=caller.user_id,
        restricted=body.restricted,
        permissions=list(body.permissions or []) if body.restricted
        else unrestricted_permissions(),
        expires_at=as_stored(body.expires_at),
        key=secret,
    )
    account.add(key)
    if idempotency_key is not None:
        account.replays[idempotency_key] = (body.dict(), key)
    return key


@app.get("/v1/api_key/{id}", response_model=ApiKey, summary="Retrieve Api Key")
async def retrieve_api_key(
    id: str,
    x_account_id: Optional[str] = Header(None),
    caller: Caller = Depends(authorized("api_keys.view")),
):
    return public(live_key(account_of(x_account_id), id))


@app.patch("/v1/api_key/{id}", response_model=ApiKey, summary="Update Api Key")
async def update_api_key(
    id: str,
    body: UpdateApiKey,
    x_account_id: Optional[str] = Header(None),
    caller: Caller = Depends(authorized("api_keys.update")),
):
    """Update an existing API key; fields left out stay as they are."""
    if caller.is_api_key:
        raise HTTPException(status_code=403, detail="API keys cannot update other API keys")
    stored = live_key(account_of(x_account_id), id)
    changes = body.dict(exclude_unset=True)
    unknown = invalid_permissions(changes.get("permissions"))
    if unknown:
        raise HTTPException(
            status_code=400, detail="Invalid permissions provided: " + ", ".join(unknown))
    current = stored.key
    restricted = changes.get("restricted")
    restricted = current.restricted if restricted is None else restricted
    if changes.get("permissions") is not None and not restricted:
        raise HTTPException(
            status_code=400, detail="Permissions can only be set on restricted keys")
    if not restricted:
        permissions = unrestricted_permissions()
    elif changes.get("permissions") is not None:
        permissions = changes["permissions"]
    else:
        permissions = current.permissions or []
    updated = current.copy(update={
        "name": changes.get("name") or current.name,
        "description": changes.get("description", current.description),
        "restricted": restricted,
        "permissions": permissions,
        "expires_at": as_stored(changes["expires_at"]) if "expires_at" in changes
        else current.expires_at,
    })
    stored.key = updated
    return public(stored)


@app.delete(
    "/v1/api_key/{id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete Api Key",
)
async def delete_api_key(
    id: str,
    x_account_id: Optional[str] = Header(None),
    caller: Caller = Depends(authorized("api_keys.delete")),
):
    live_key(account_of(x_account_id), id).deleted = True
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@app.patch(
    "/apikeys/{id}",
    response_model=SuccessResponse,
    summary="Update an API key",
    responses={404: {"description": "ApiKey not found"}},
)
async def update_account_api_key(
    id: str,
    body: ApiKeyInput,
    x_account_id: Optional[str] = Header(None),
    caller: Caller = Depends(authorized("api_keys.update")),
):
    """The account API: only account administrators can update API keys."""
    if caller.is_api_key:
        return JSONResponse(
            status_code=403, content={"error": "User does not have the required permissions"})
    stored = account_of(x_account_id).find(id)
    if stored is None:
        return JSONResponse(status_code=404, content={"error": "API key not found"})
    if invalid_permissions(body.flatPermissionsList):
        return JSONResponse(status_code=400, content={"error": "Invalid permissions provided"})
    expires_at = stored.key.expires_at
    if "expiresAt" in body.__fields_set__:
        expires_at = as_stored(body.expiresAt)
    stored.key = stored.key.copy(update={
        "description": body.description,
        "restricted": True,
        "permissions": list(body.flatPermissionsList),
        "expires_at": expires_at,
    })
    return SuccessResponse(success=True)


@app.api_route(
    "/moved/{path:path}",
    methods=["GET", "POST", "PATCH", "DELETE"],
    include_in_schema=False,
)
async def moved(path: str, request: Request):
    """The API moved from /moved: 307, which keeps the method and the body."""
    return RedirectResponse(str(request.url.replace(path="/" + path)), status_code=307)
