import { ROOM_LIMITS } from '../../shared/model/room-limits';

interface JoinFieldsProps {
  code: string;
  onCode(code: string): void;
  /** The longest code the field takes, with room for the spaces or dashes people type. */
  codeMaxLength: number;
  name: string;
  onName(name: string): void;
  nameAutoComplete: 'name' | 'nickname';
  /** Why the last try failed, read out at once; empty when it did not. */
  error: string;
}

/** What a phone joins the room with, and a co-facilitator's laptop pairs with: a code, typed in capitals, and a name. */
export function JoinFields({ code, onCode, codeMaxLength, name, onName, nameAutoComplete, error }: JoinFieldsProps) {
  return (
    <>
      <label className="field">
        <span>Code</span>
        <input
          value={code}
          onChange={(e) => onCode(e.target.value.toUpperCase())}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={codeMaxLength}
          required
        />
      </label>
      <label className="field">
        <span>Your name</span>
        <input value={name} onChange={(e) => onName(e.target.value)} maxLength={ROOM_LIMITS.name} autoComplete={nameAutoComplete} required />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
