// Locked gems that cap the Ruby version a range may pick (design.md: "among the maintained versions it
// allows AND that its locked dependencies support"). One row per gem line; sorted by gem name.

export interface RubyCap {
  /** The gem, as the lockfile names it. */
  name: string;
  /** The cap applies to locked versions below this one ("7.1"). */
  below: string;
  /** The newest Ruby minor those versions run on. */
  ruby: string;
  /** A gem whose presence in the lockfile lifts the cap (the missing dependency is locked after all). */
  unlessLocked?: string;
  note: string;
  source: string;
  seeAlso?: readonly string[];
}

export const RUBY_CAPS: readonly RubyCap[] = [
  {
    name: 'activesupport', below: '5.0', ruby: '2.6',
    note: 'Active Support 4.2 calls BigDecimal.new, which bigdecimal 2.0 (Ruby 2.7) removed, so it fails at boot',
    source: 'https://github.com/ruby/bigdecimal#which-version-should-you-select',
    seeAlso: ['https://github.com/gothinkster/rails-realworld-example-app/issues/22'],
  },
  {
    name: 'activesupport', below: '7.1', ruby: '3.3', unlessLocked: 'mutex_m',
    note: 'Active Support before 7.1 requires mutex_m, base64 and bigdecimal without declaring them, and Ruby 3.4 made those bundled gems that bundler loads only when locked',
    source: 'https://github.com/ruby/ruby/blob/v3_4_0/NEWS.md',
    seeAlso: ['https://github.com/rails/rails/blob/v7.1.0/activesupport/activesupport.gemspec'],
  },
];
